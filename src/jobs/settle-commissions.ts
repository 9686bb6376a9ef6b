import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { settleDueCommissionsWorkflow } from "../workflows"
import { SETTLE_SCHEDULE } from "../lib/job-schedules"
import { DISTRIBUTION_MODULE } from "../modules/distribution"
import DistributionModuleService from "../modules/distribution/service"

const BATCH = 1000
/**
 * Batches settled side by side. Each claims its rows with SKIP LOCKED, so they
 * never take the same commission; a wallet touched by both is updated by one,
 * then the other (rows locked in one order, so they cannot deadlock). Two keep
 * the database busy while the other batch's results come back.
 */
const WORKERS = 3

/** Settles every commission whose freeze period is over, a batch per transaction. */
export default async function settleCommissions(container: MedusaContainer) {
  // Commissions still held for an earner reinstated meanwhile are released first.
  const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
  const released = await service.releaseHeldCommissions()
  let settled = 0
  let upgraded = 0
  const worker = async () => {
    for (;;) {
      const { result } = await settleDueCommissionsWorkflow(container).run({ input: { limit: BATCH } })
      settled += result.settled
      upgraded += result.upgrades.length
      if (result.settled < BATCH) {
        return
      }
    }
  }
  await Promise.all(Array.from({ length: WORKERS }, worker))
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
