import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { DistributionEvents, WithdrawalAction } from "../modules/distribution/constants"
import { TransitionWithdrawalInput } from "../modules/distribution/types"
import { transitionWithdrawalStep } from "./steps/transition-withdrawal"

export type ReviewWithdrawalWorkflowInput = TransitionWithdrawalInput

const EVENT_OF: Record<WithdrawalAction, string> = {
  approve: DistributionEvents.WITHDRAWAL_APPROVED,
  reject: DistributionEvents.WITHDRAWAL_REJECTED,
  pay: DistributionEvents.WITHDRAWAL_PAID,
}

/**
 * An admin approves, rejects or marks paid a withdrawal. The row is locked, so
 * of two concurrent decisions exactly one wins; an illegal transition is a
 * CONFLICT and changes nothing. Rejecting releases the hold; paying moves it to
 * the withdrawn total. The decision, its ledger entry and its audit row are one
 * transaction; emits one event.
 */
export const reviewWithdrawalWorkflow = createWorkflow(
  "review-distribution-withdrawal",
  (input: ReviewWithdrawalWorkflowInput) => {
    const result = transitionWithdrawalStep(input)
    emitEventStep({
      eventName: transform({ input }, ({ input }) => EVENT_OF[input.action]),
      data: transform({ input, result }, ({ input, result }) => ({
        id: input.id,
        distributor_id: result.previous.distributor_id,
        status: result.status,
        amount: result.previous.amount,
        currency_code: result.previous.currency_code,
      })),
    })
    return new WorkflowResponse(result)
  }
)
