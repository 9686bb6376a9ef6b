import { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE } from "../modules/distribution"
import { RECONCILE_JOB } from "../modules/distribution/constants"
import DistributionModuleService from "../modules/distribution/service"
import { reconcileDistributionWorkflow } from "../workflows"
import { JOB_HEARTBEAT_MS, JOB_STALE_AFTER_MS, RECONCILE_SCHEDULE } from "../lib/job-schedules"


const DAY_MS = 24 * 60 * 60 * 1000
/**
 * How far before the watermark a run starts again: a change stamped just before
 * the last run read (its transaction committing after), or stamped by an
 * instance whose clock runs behind, is still swept.
 */
export const RECONCILE_OVERLAP_MS = 15 * 60 * 1000

/**
 * Every hour, the reconcile on its own: balances against the ledger (reported,
 * not rewritten) and what lost events left undone for the orders placed or
 * changed since the last successful run (its watermark, less a quarter of an
 * hour of overlap) — an order never credited, a cancel, return or refund never
 * reversed, a settle-on state never marked — and the 拼团 refunds a crash or an
 * error left unfinished (retried once each). A first run, with no watermark,
 * looks at the last `reconcile_days` (option, default 30). One instance runs it
 * at a time (a run row is claimed; the others skip the tick). Each run, its
 * window and what it repaired is kept for the admin.
 */
export default async function reconcileDistribution(container: MedusaContainer) {
  const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
  const logger: Logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const now = new Date()
  // An unfinished run silent for JOB_STALE_AFTER_MS (5 minutes, DISTRIBUTION_JOB_STALE_AFTER) was on an instance that stopped
  // (a kill, a crash, a lost host): it is closed as abandoned and this tick runs in its place.
  // The running instance stamps its run ten times in that time, so a slow database does not end a live run.
  const runId = await service.startJobRun({ job: RECONCILE_JOB, stale_after_ms: JOB_STALE_AFTER_MS, now })
  if (!runId) {
    return
  }
  const heartbeat = setInterval(() => {
    service.touchJobRun(runId).catch((error: Error) => logger.warn(`distribution: reconcile heartbeat failed: ${error.message}`))
  }, JOB_HEARTBEAT_MS)
  heartbeat.unref()
  const days = service.getOptions().reconcile_days ?? 30
  try {
    const watermark = await service.lastJobWatermark(RECONCILE_JOB)
    const from = watermark ? new Date(watermark.getTime() - RECONCILE_OVERLAP_MS) : new Date(now.getTime() - days * DAY_MS)
    await service.recordJobRunWindow(runId, { window_from: from, window_to: now, watermark })
    const { result } = await reconcileDistributionWorkflow(container).run({
      input: { from, to: now, repair: false },
    })
    const summary = {
      // A first run's window is reconcile_days long; the others continue from the watermark.
      ...(watermark ? {} : { days }),
      orders_checked: result.orders_checked,
      recredited: result.recredited.length,
      reversed: result.reversed.length,
      marked_eligible: result.marked_eligible.length,
      wallet_mismatches: result.wallet_mismatches.length,
      // 拼团 refunds left unfinished: the failed groups and members found, and the members refunded now.
      group_refunds: {
        groups: result.group_refunds.length,
        members: result.group_refunds.reduce((n, g) => n + g.members, 0),
        refunded: result.group_refunds.reduce((n, g) => n + g.refunded, 0),
      },
    }
    await service.finishJobRun(runId, { result: summary })
    const repairs = summary.recredited + summary.reversed + summary.marked_eligible
    if (repairs || summary.wallet_mismatches || summary.group_refunds.members) {
      logger.warn(
        `distribution: reconcile repaired ${repairs} order(s) (credited ${summary.recredited}, reversed ${summary.reversed}, marked ${summary.marked_eligible}); ${summary.wallet_mismatches} wallet(s) differ from the ledger; ${summary.group_refunds.members} group-buy refund(s) unfinished, ${summary.group_refunds.refunded} refunded now`
      )
    } else {
      logger.info(`distribution: reconcile checked ${summary.orders_checked} order(s): nothing to repair`)
    }
  } catch (error) {
    await service.finishJobRun(runId, { error: (error as Error).message })
    logger.error(`distribution: reconcile failed: ${(error as Error).message}`)
  } finally {
    clearInterval(heartbeat)
  }
}

export const config = {
  name: "distribution-reconcile",
  schedule: RECONCILE_SCHEDULE,
}
