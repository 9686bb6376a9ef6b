import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ensureShareScenesStep, EnsureShareScenesStepInput } from "./steps/ensure-share-scenes"

export type EnsureShareScenesWorkflowInput = EnsureShareScenesStepInput

/** The share tokens (小程序码 scenes) of a distributor's targets: made once each, reused after; safe to run concurrently. */
export const ensureShareScenesWorkflow = createWorkflow("ensure-distribution-share-scenes", (input: EnsureShareScenesWorkflowInput) => {
  return new WorkflowResponse(ensureShareScenesStep(input))
})
