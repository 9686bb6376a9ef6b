import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { DistributionEvents } from "../../modules/distribution/constants"
import { syncDistributorCustomerGroupsStep } from "./steps/sync-distributor-customer-groups"

export type SyncDistributorCustomerGroupsWorkflowInput = { distributor_id: string }

/**
 * Distributor prices (分销价): puts an active distributor's customer in the
 * plugin's customer groups (its level's too, per level) and takes a pending,
 * rejected or suspended one out; groups a merchant made are never touched.
 * Emits distribution.customer_group.synced when a membership changed.
 */
export const syncDistributorCustomerGroupsWorkflow = createWorkflow(
  "sync-distributor-customer-groups",
  (input: SyncDistributorCustomerGroupsWorkflowInput) => {
    const result = syncDistributorCustomerGroupsStep(input)
    when("distributor-memberships-changed", { result }, ({ result }) => result.added.length + result.removed.length > 0).then(() => {
      emitEventStep({
        eventName: DistributionEvents.CUSTOMER_GROUPS_SYNCED,
        data: transform({ input, result }, ({ input, result }) => ({
          distributor_id: input.distributor_id,
          customer_id: result.customer_id,
          added: result.added.map((m) => m.customer_group_id),
          removed: result.removed.map((m) => m.customer_group_id),
        })),
      })
    })
    return new WorkflowResponse(
      transform({ result }, ({ result }) => ({
        customer_id: result.customer_id,
        added: result.added.map((m) => m.customer_group_id),
        removed: result.removed.map((m) => m.customer_group_id),
      }))
    )
  }
)
