import {
  createHook,
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { DistributionEvents, WithdrawalAction } from "../../modules/distribution/constants"
import { TransitionWithdrawalInput } from "../../modules/distribution/types"
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
 *
 * Hook `withdrawalPaid({ id, distributor_id, amount, currency_code,
 * transaction_reference })`, after a payment is recorded: where a merchant
 * notifies its accounting or sends the payee a receipt.
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
    const withdrawalPaid = when("withdrawal-paid", { input }, ({ input }) => input.action === WithdrawalAction.PAY).then(() =>
      createHook(
        "withdrawalPaid",
        transform({ input, result }, ({ input, result }) => ({
          id: input.id,
          distributor_id: result.previous.distributor_id,
          amount: result.previous.amount,
          currency_code: result.previous.currency_code,
          transaction_reference: input.transaction_reference ?? null,
        }))
      )
    )
    return new WorkflowResponse(result, { hooks: [withdrawalPaid] })
  }
)
