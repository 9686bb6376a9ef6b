import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE } from "../modules/distribution"
import { DistributionEvents, DistributorGroupMode } from "../modules/distribution/constants"
import DistributionModuleService from "../modules/distribution/service"
import { syncAllCustomerGroupsWorkflow } from "../workflows"

/**
 * Distributor prices: when the group mode changes, or (per level) a level is
 * created or deleted, the groups are made and every distributor brought to
 * the rule.
 */
export default async function syncProgrammeCustomerGroups({
  event: { name, data },
  container,
}: SubscriberArgs<{ id?: string; fields?: string[] }>) {
  if (name === DistributionEvents.SETTINGS_UPDATED) {
    if (!data.fields?.includes("distributor_group_mode")) {
      return
    }
  } else {
    const settings = await container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE).getSettings()
    if (settings.distributor_group_mode !== DistributorGroupMode.PER_LEVEL) {
      return
    }
  }
  const { result } = await syncAllCustomerGroupsWorkflow(container).run()
  container
    .resolve(ContainerRegistrationKeys.LOGGER)
    .info(
      `distribution: distributor groups (${result.mode}) synced over ${result.distributors} distributor(s): ${result.groups_created} group(s) made, ${result.added} membership(s) added, ${result.removed} removed`
    )
}

export const config: SubscriberConfig = {
  event: [DistributionEvents.SETTINGS_UPDATED, DistributionEvents.LEVEL_CREATED, DistributionEvents.LEVEL_DELETED],
  context: { subscriberId: "distribution-programme-customer-groups" },
}
