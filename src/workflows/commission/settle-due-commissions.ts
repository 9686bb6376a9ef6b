import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { DistributionEvents } from "../../modules/distribution/constants"
import { settleBatchStep } from "./steps/settle-due-commissions"
import { upgradeLevelsStep } from "./steps/upgrade-distributor-levels"

/**
 * `ids`: settle those of these commissions that are still due (the job passes
 * slices of the due list in earner order); otherwise the `limit` (1000) first
 * in due order.
 */
export type SettleDueCommissionsWorkflowInput = { now?: Date; limit?: number; ids?: string[] }

/**
 * Settles one batch of commissions whose freeze period is over: settled,
 * credited to the ledger, balance up, in one transaction. Safe to run on
 * several workers at once (rows are claimed with SKIP LOCKED) and to replay.
 * Then the earners' levels are checked: automatically up, never down.
 */
export const settleDueCommissionsWorkflow = createWorkflow(
  "settle-due-commissions",
  (input: SettleDueCommissionsWorkflowInput) => {
    const result = settleBatchStep(
      transform({ input }, ({ input }) => ({ now: input.now, limit: input.limit ?? 1000, ids: input.ids }))
    )
    const upgrades = upgradeLevelsStep(transform({ result }, ({ result }) => result.distributor_ids))
    when("levels-upgraded", { upgrades }, ({ upgrades }) => upgrades.length > 0).then(() => {
      emitEventStep({
        eventName: DistributionEvents.DISTRIBUTOR_LEVEL_CHANGED,
        data: transform({ upgrades }, ({ upgrades }) => upgrades.map((u) => ({ ...u, automatic: true }))),
      })
    })
    return new WorkflowResponse(transform({ result, upgrades }, ({ result, upgrades }) => ({ ...result, upgrades })))
  }
)
