import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { settleDueCommissionsWorkflow } from "../workflows"
import { SETTLE_SCHEDULE } from "../lib/job-schedules"
import { DISTRIBUTION_MODULE } from "../modules/distribution"
import DistributionModuleService from "../modules/distribution/service"

/** Commissions per batch: one transaction each. */
const BATCH = 1000
/**
 * Due commissions listed at a time, oldest first, then settled in earner
 * order: a batch pays earners next to each other, so the kept totals and
 * ledger index pages it changes are next to the ones the batch before it
 * changed, not all over those tables (bench/README.md, "The settlement in
 * earner order").
 */
const WINDOW = 50 * BATCH
/**
 * Batches settled side by side. Each locks its rows with SKIP LOCKED, so they
 * never take the same commission; a wallet touched by both is updated by one,
 * then the other (rows locked in one order, so they cannot deadlock). Two keep
 * the database busy while the other batch's results come back.
 */
const WORKERS = 3

/**
 * Settles every commission whose freeze period is over, a batch per
 * transaction: the due list is read a window at a time (the oldest first) and
 * settled in earner order, until nothing is due or a window settles nothing
 * (what is left is another instance's, locked while it settles them, or an
 * earner's suspended meanwhile).
 */
export default async function settleCommissions(container: MedusaContainer) {
  // Commissions still held for an earner reinstated meanwhile are released first.
  const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
  const released = await service.releaseHeldCommissions()
  let settled = 0
  let upgraded = 0
  for (;;) {
    const due = await service.listDueInEarnerOrder({ now: new Date(), limit: WINDOW })
    let next = 0
    let settledNow = 0
    const worker = async () => {
      while (next < due.length) {
        const ids = due.slice(next, next + BATCH)
        next += BATCH
        const { result } = await settleDueCommissionsWorkflow(container).run({ input: { ids } })
        settledNow += result.settled
        upgraded += result.upgrades.length
      }
    }
    await Promise.all(Array.from({ length: WORKERS }, worker))
    settled += settledNow
    if (due.length < WINDOW || settledNow === 0) {
      break
    }
  }
  if (released > 0) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`distribution: released ${released} queued commission(s) held for a distributor no longer suspended`)
  }
  if (settled > 0) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(`distribution: settled ${settled} commission(s)${upgraded ? `, ${upgraded} distributor(s) raised a level` : ""}`)
  }
}

export const config = {
  name: "distribution-settle-commissions",
  schedule: SETTLE_SCHEDULE,
}
