import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { DistributionEvents } from "../../modules/distribution/constants"
import { RequestWithdrawalInput } from "../../modules/distribution/types"
import { requestWithdrawalStep } from "./steps/request-withdrawal"

export type RequestWithdrawalWorkflowInput = RequestWithdrawalInput

/**
 * A distributor asks to be paid out (提现). The amount is held in the ledger in
 * the same transaction that creates the request, under a lock on the wallet:
 * concurrent requests can never overdraw; its audit row is written in that
 * transaction too. The payout account arrives already encrypted, so no stored
 * workflow state ever holds it in plain text. A repeated idempotency key
 * returns the first request and changes nothing; the key reused for another
 * request is a CONFLICT.
 */
export const requestWithdrawalWorkflow = createWorkflow(
  "request-distribution-withdrawal",
  (input: RequestWithdrawalWorkflowInput) => {
    const result = requestWithdrawalStep(input)
    when("withdrawal-created", { result }, ({ result }) => result.created).then(() => {
      emitEventStep({
        eventName: DistributionEvents.WITHDRAWAL_REQUESTED,
        data: transform({ input, result }, ({ input, result }) => ({
          id: result.withdrawal_id,
          distributor_id: input.distributor_id,
          amount: input.amount,
          method: input.method,
        })),
      })
    })
    return new WorkflowResponse(result)
  }
)
