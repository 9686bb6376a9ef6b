import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { cancelGroupMemberStep } from "./steps/group-transitions"

/** order.canceled → a paid member of a still-open group gives its seat back (idempotent: the member is canceled once). */
export const cancelGroupMemberWorkflow = createWorkflow("cancel-distribution-group-member", (input: { order_id: string }) => {
  return new WorkflowResponse(cancelGroupMemberStep(input))
})
