import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordVisitStep, RecordVisitStepInput } from "./steps/record-visit"

export type RecordVisitWorkflowInput = RecordVisitStepInput

/** Counts a visit through a referral link, code or QR: once per visitor, distributor and day. */
export const recordVisitWorkflow = createWorkflow(
  "record-distribution-visit",
  (input: RecordVisitWorkflowInput) => {
    return new WorkflowResponse(recordVisitStep(input))
  }
)
