import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { DistributionEvents } from "../../modules/distribution/constants"
import { syncAllCustomerGroupsStep } from "./steps/sync-all-customer-groups"

/**
 * Distributor prices (分销价): makes the customer groups the mode needs and
 * brings every distributor's membership to the rule, in batches — run when
 * the mode changes, when a level is created or deleted, and from the admin's
 * "sync now". Idempotent: a second run changes nothing. Emits
 * distribution.customer_group.synced when something changed.
 */
export const syncAllCustomerGroupsWorkflow = createWorkflow("sync-all-distributor-customer-groups", () => {
  const result = syncAllCustomerGroupsStep()
  when("all-memberships-changed", { result }, ({ result }) => result.added + result.removed + result.groups_created > 0).then(() => {
    emitEventStep({
      eventName: DistributionEvents.CUSTOMER_GROUPS_SYNCED,
      data: transform({ result }, ({ result }) => ({ ...result })),
    })
  })
  return new WorkflowResponse(result)
})
