import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { expireGroupsStep, refundGroupMembersStep } from "./steps/group-transitions"
import { emitGroupEventsStep } from "./steps/emit-group-events"

/**
 * The every-minute pass: open groups past their deadline completed virtually
 * or failed, then every due refund made
 * (cancelOrderWorkflow). Safe to run on several instances at once: groups and
 * refunds are claimed with SKIP LOCKED and conditional UPDATEs, so a group
 * fails once and an order is canceled once.
 */
export const expireGroupsWorkflow = createWorkflow("expire-distribution-groups", (input: { now?: Date }) => {
  const expired = expireGroupsStep(input)
  const refunded = refundGroupMembersStep({})
  emitGroupEventsStep(transform({ expired, refunded }, ({ expired, refunded }) => [...expired.events, ...refunded.events]))
  return new WorkflowResponse(
    transform({ expired, refunded }, ({ expired, refunded }) => ({
      settled: expired.settled,
      refunded: refunded.events.length,
    }))
  )
})
