import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { releaseExpiredReservationsWorkflow } from "../workflows"
import { RESERVATIONS_SCHEDULE } from "../lib/job-schedules"

const BATCH = 500

/**
 * Every minute (DISTRIBUTION_RESERVATIONS_SCHEDULE), releases the activity
 * reservations (秒杀, 拼团) whose time ran out, a batch per transaction, so
 * their quota sells again. Every instance may run it: rows are skipped, not
 * waited for, and each is released once.
 */
export default async function releaseActivityReservations(container: MedusaContainer) {
  let released = 0
  for (;;) {
    const { result } = await releaseExpiredReservationsWorkflow(container).run({ input: { limit: BATCH } })
    released += result.length
    if (result.length < BATCH) {
      break
    }
  }
  if (released) {
    container.resolve(ContainerRegistrationKeys.LOGGER).info(`distribution: released ${released} expired activity reservation(s)`)
  }
  return released
}

export const config = {
  name: "distribution-release-activity-reservations",
  schedule: RESERVATIONS_SCHEDULE,
}
