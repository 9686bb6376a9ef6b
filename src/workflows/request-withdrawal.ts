import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AuditActorType, DistributionEvents } from "../modules/distribution/constants"
import { RequestWithdrawalInput } from "../modules/distribution/types"
import { recordAuditStep } from "./steps/record-audit"
import { requestWithdrawalStep } from "./steps/request-withdrawal"

export type RequestWithdrawalWorkflowInput = RequestWithdrawalInput & { customer_id: string }

/**
 * A distributor asks to be paid out (提现). The amount is held in the ledger in
 * the same transaction that creates the request, under a lock on the wallet:
 * concurrent requests can never overdraw. The payout account arrives already
 * encrypted, so no stored workflow state ever holds it in plain text. A
 * repeated idempotency key returns the first request and changes nothing.
 */
export const requestWithdrawalWorkflow = createWorkflow(
  "request-distribution-withdrawal",
  (input: RequestWithdrawalWorkflowInput) => {
    const result = requestWithdrawalStep(
      transform({ input }, ({ input }) => {
        const { customer_id: _customer, ...request } = input
        return request
      })
    )
    when({ result }, ({ result }) => result.created).then(() => {
      recordAuditStep(
        transform({ input, result }, ({ input, result }) => [
          {
            actor_type: AuditActorType.CUSTOMER,
            actor_id: input.customer_id,
            action: "withdrawal.request",
            entity_type: "withdrawal",
            entity_id: result.withdrawal_id,
            data: { amount: input.amount, currency_code: input.currency_code ?? null, method: input.method },
          },
        ])
      )
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
