import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { confirmGroupMemberStep, refundGroupMembersStep } from "./steps/group-transitions"
import { emitGroupEventsStep } from "./steps/emit-group-events"

/**
 * A 拼团 reservation consumed by its order (the shared order.placed
 * subscriber, through the kind) → the seat is paid: the leader's payment opens
 * the group (its deadline starts), the last seat makes it succeed. Idempotent
 * per order: a replay finds the seat paid and changes nothing. An order
 * placed after its seat was released is refunded at once.
 */
export const confirmGroupMemberWorkflow = createWorkflow("confirm-distribution-group-member", (input: { reservation_id: string; order_id: string }) => {
  const confirmed = confirmGroupMemberStep(input)
  when({ confirmed }, ({ confirmed }) => confirmed.late).then(() => {
    refundGroupMembersStep({})
  })
  emitGroupEventsStep(transform({ confirmed }, ({ confirmed }) => confirmed.events))
  return new WorkflowResponse(confirmed)
})
