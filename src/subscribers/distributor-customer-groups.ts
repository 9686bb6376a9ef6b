import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { DistributionEvents } from "../modules/distribution/constants"
import { syncDistributorCustomerGroupsWorkflow } from "../workflows"

/**
 * Distributor prices: a distributor approved, rejected, suspended, reinstated
 * or moved to another level is brought to the customer-group rule. The
 * workflow reads the distributor as it is now, so a replayed event changes nothing.
 */
export default async function syncDistributorCustomerGroups({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  const { result } = await syncDistributorCustomerGroupsWorkflow(container).run({ input: { distributor_id: data.id } })
  if (result.added.length || result.removed.length) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(`distribution: customer ${result.customer_id} joined ${result.added.length} and left ${result.removed.length} distributor group(s)`)
  }
}

export const config: SubscriberConfig = {
  event: [
    DistributionEvents.DISTRIBUTOR_APPROVED,
    DistributionEvents.DISTRIBUTOR_REJECTED,
    DistributionEvents.DISTRIBUTOR_SUSPENDED,
    DistributionEvents.DISTRIBUTOR_REINSTATED,
    DistributionEvents.DISTRIBUTOR_LEVEL_CHANGED,
  ],
  context: { subscriberId: "distribution-distributor-customer-groups" },
}
