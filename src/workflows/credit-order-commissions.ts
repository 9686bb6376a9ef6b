import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { BindingSource, DistributionEvents } from "../modules/distribution/constants"
import { bindCustomerStep } from "./steps/bind-customer"
import { computeOrderCommissionsStep } from "./steps/compute-order-commissions"
import { insertCommissionsStep } from "./steps/insert-commissions"
import { loadOrderCommissionFactsStep } from "./steps/load-order-commission-facts"

export type CreditOrderCommissionsWorkflowInput = { order_id: string }

/**
 * Credits the commissions of a placed order, pending until it settles.
 * Idempotent per order by the commission's unique key: safe to replay, and
 * concurrent deliveries of order.placed write one set between them. A buyer
 * attributed through the cart's code is bound to it per the binding rules.
 */
export const creditOrderCommissionsWorkflow = createWorkflow(
  "credit-order-commissions",
  (input: CreditOrderCommissionsWorkflowInput) => {
    const facts = loadOrderCommissionFactsStep(transform({ input }, ({ input }) => ({ order_id: input.order_id })))
    const computed = computeOrderCommissionsStep(facts)
    const created = insertCommissionsStep(transform({ computed }, ({ computed }) => computed.rows))
    when({ computed }, ({ computed }) => !!computed.bind_to_code && !!computed.customer_id).then(() => {
      bindCustomerStep(
        transform({ computed }, ({ computed }) => ({
          customer_id: computed.customer_id!,
          referral_code: computed.bind_to_code,
          source: BindingSource.CODE,
          settings: computed.settings,
          has_previous_order: false,
        }))
      )
    })
    when({ created }, ({ created }) => created.ids.length > 0).then(() => {
      emitEventStep({
        eventName: DistributionEvents.COMMISSION_CREATED,
        data: transform({ created, input }, ({ created, input }) => ({ order_id: input.order_id, ids: created.ids })),
      })
    })
    return new WorkflowResponse(transform({ created, computed }, ({ created, computed }) => ({
      created: created.ids.length,
      computed: computed.rows.length,
      /** Total of the commissions this run created, in the order's currency. */
      amount: created.amount,
      currency_code: computed.rows[0]?.currency_code ?? null,
    })))
  }
)
