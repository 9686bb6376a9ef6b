import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AdjustBalanceInput } from "../../modules/distribution/types"
import { adjustBalanceStep } from "./steps/adjust-balance"

export type AdjustBalanceWorkflowInput = AdjustBalanceInput

/**
 * An admin credits or debits a distributor's available balance, with a
 * mandatory reason. Ledger entry, balance and audit row in one transaction; a
 * retry with the same idempotency key changes nothing, and the key reused for
 * another adjustment is a CONFLICT.
 */
export const adjustBalanceWorkflow = createWorkflow(
  "adjust-distributor-balance",
  (input: AdjustBalanceWorkflowInput) => new WorkflowResponse(adjustBalanceStep(input))
)
