import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { announceSaleTransitionsWorkflow } from "../workflows"
import { SALE_EVENTS_SCHEDULE } from "../lib/job-schedules"

const BATCH = 500

/**
 * Every minute, announces the sales that reached their start or end since
 * the last run (distribution.sale.started / .ended), a batch per transaction.
 * Every instance runs it: the claims are conditional, so each transition is
 * announced by one of them, once, and a restarted instance announces nothing
 * twice.
 */
export default async function announceSaleTransitions(container: MedusaContainer) {
  let started = 0
  let ended = 0
  for (;;) {
    const { result } = await announceSaleTransitionsWorkflow(container).run({ input: { limit: BATCH } })
    started += result.started.length
    ended += result.ended.length
    if (result.started.length < BATCH && result.ended.length < BATCH) {
      break
    }
  }
  if (started || ended) {
    container.resolve(ContainerRegistrationKeys.LOGGER).info(`distribution: announced ${started} sale start(s) and ${ended} sale end(s)`)
  }
}

export const config = {
  name: "distribution-announce-sale-transitions",
  schedule: SALE_EVENTS_SCHEDULE,
}
