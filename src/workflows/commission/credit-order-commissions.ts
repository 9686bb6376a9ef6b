import {
  createHook,
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { z } from "@medusajs/framework/zod"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { DistributionEvents } from "../../modules/distribution/constants"
import { CommissionAdjustment, rowsForLinesNotCredited } from "../../modules/distribution/utils/order-commissions"
import { applyCommissionAdjustmentStep } from "./steps/apply-commission-adjustment"
import { bindCustomerStep } from "../binding/steps/bind-customer"
import { recordCouponUseStep } from "../coupon/steps/record-coupon-use"
import { computeOrderCommissionsStep } from "./steps/compute-order-commissions"
import { creditedOrderLinesStep } from "./steps/credited-order-lines"
import { insertCommissionsStep } from "./steps/insert-commissions"
import { loadOrderCommissionFactsStep } from "./steps/load-order-commission-facts"

export type CreditOrderCommissionsWorkflowInput = {
  order_id: string
  /**
   * After an order edit: credit only the lines its edits added that have no
   * commission yet (see rowsForLinesNotCredited), to the upline its
   * commissions already name; the coupon use and the buyer's binding were
   * recorded when it was placed.
   */
  new_lines_only?: boolean
}

/** What a `commissionsComputed` handler may answer (see applyCommissionAdjustment). */
const CommissionAdjustmentSchema = z
  .object({
    rows: z.array(
      z.object({
        line_item_id: z.string(),
        distributor_id: z.string(),
        depth: z.number().int(),
        amount: z.union([z.string(), z.number()]),
      })
    ),
  })
  .optional()

/**
 * Credits the commissions of a placed order, pending until it settles:
 * load the facts → compute (pure) → the `commissionsComputed` hook → insert.
 * Idempotent per order by the commission's unique key: safe to replay, and
 * concurrent deliveries of order.placed write one set between them. A buyer
 * attributed through the cart's code is bound to it per the binding rules, and
 * one attributed through a distributor coupon to its owner (source coupon)
 * when coupon_binds_customer is on. An order that used a coupon is recorded
 * with its sales, whoever earns.
 *
 * Hook `commissionsComputed({ order_id, currency_code, rows })`: a handler may
 * answer `{ rows: [{ line_item_id, distributor_id, depth, amount }] }` to lower,
 * raise (up to the line's base) or veto (leave out, or 0) what was computed.
 */
export const creditOrderCommissionsWorkflow = createWorkflow(
  "credit-order-commissions",
  (input: CreditOrderCommissionsWorkflowInput) => {
    const facts = loadOrderCommissionFactsStep(transform({ input }, ({ input }) => ({ order_id: input.order_id })))
    const computedForOrder = computeOrderCommissionsStep(facts)
    const credited = when("new-lines-only", { input }, ({ input }) => !!input.new_lines_only).then(() =>
      creditedOrderLinesStep(transform({ input }, ({ input }) => ({ order_id: input.order_id })))
    )
    // An order with no commission yet (its order.placed was lost) is credited whole, coupon use
    // and binding included, as the late order.placed would.
    const computed = transform({ computedForOrder, credited }, ({ computedForOrder, credited }) =>
      credited?.credited.length
        ? {
            ...computedForOrder,
            rows: rowsForLinesNotCredited(computedForOrder.rows, credited.credited, credited.added),
            bind_to_code: null,
            coupon_use: null,
          }
        : computedForOrder
    )
    const commissionsComputed = createHook(
      "commissionsComputed",
      transform({ computed }, ({ computed }) => ({
        order_id: computed.order_id,
        currency_code: computed.rows[0]?.currency_code ?? null,
        rows: computed.rows,
      })),
      { resultValidator: CommissionAdjustmentSchema }
    )
    const rows = applyCommissionAdjustmentStep(
      transform({ computed, adjustment: commissionsComputed.getResult() }, ({ computed, adjustment }) => ({
        rows: computed.rows,
        adjustment: adjustment as CommissionAdjustment | undefined,
      }))
    )
    const created = insertCommissionsStep(rows)
    when("coupon-used", { computed }, ({ computed }) => !!computed.coupon_use).then(() => {
      recordCouponUseStep(transform({ computed }, ({ computed }) => computed.coupon_use!))
    })
    when("bind-to-cart-code", { computed }, ({ computed }) => !!computed.bind_to_code && !!computed.customer_id).then(() => {
      bindCustomerStep(
        transform({ computed }, ({ computed }) => ({
          customer_id: computed.customer_id!,
          referral_code: computed.bind_to_code,
          source: computed.bind_source,
          settings: computed.settings,
          has_previous_order: false,
        }))
      )
    })
    when("commissions-created", { created }, ({ created }) => created.ids.length > 0).then(() => {
      emitEventStep({
        eventName: DistributionEvents.COMMISSION_CREATED,
        data: transform({ created, input }, ({ created, input }) => ({ order_id: input.order_id, ids: created.ids })),
      })
    })
    return new WorkflowResponse(
      transform({ created, computed, rows }, ({ created, computed, rows }) => ({
        created: created.ids.length,
        computed: rows.length,
        /** Total of the commissions this run created, in the order's currency. */
        amount: created.amount,
        currency_code: computed.rows[0]?.currency_code ?? null,
      })),
      { hooks: [commissionsComputed] }
    )
  }
)
