import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { expireGroupsWorkflow } from "../workflows"
import { GROUPS_SCHEDULE } from "../lib/job-schedules"

/**
 * Every minute (DISTRIBUTION_GROUPS_SCHEDULE): expired 拼团 groups complete
 * virtually or fail, and failed groups' members are refunded. Every instance
 * may run it at once. (Lapsed seats go back with their activity reservations:
 * release-activity-reservations.)
 */
export default async function expireGroups(container: MedusaContainer) {
  const { result } = await expireGroupsWorkflow(container).run({ input: {} })
  if (result.settled || result.refunded) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(`distribution: group buys: ${result.settled} group(s) settled, ${result.refunded} member(s) refunded`)
  }
}

export const config = {
  name: "distribution-expire-groups",
  schedule: GROUPS_SCHEDULE,
}
