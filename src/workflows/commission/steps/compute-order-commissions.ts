import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DistributionSettingsDTO, NewCommission } from "../../../modules/distribution/types"
import { computeOrderCommissions } from "../../../modules/distribution/utils/order-commissions"
import { CouponUseFacts, OrderCommissionFacts } from "./load-order-commission-facts"

export type ComputedOrderCommissions = {
  settings: DistributionSettingsDTO
  order_id: string
  customer_id: string | null
  rows: NewCommission[]
  /** Set when the order was attributed through the cart's code or a coupon: the buyer gets bound to it. */
  bind_to_code: string | null
  bind_source: OrderCommissionFacts["bind_source"]
  /** The distributor coupon the order used (recorded with the order's sales), if any. */
  coupon_use: CouponUseFacts | null
}

export const computeOrderCommissionsStepId = "compute-order-commissions"

/**
 * Works out who earns what from an order's loaded facts: the module's pure
 * computeOrderCommissions (the upline to max_depth, the rate of each line at
 * each depth, rounding and the cap), the same code the product previews run.
 * No reads, no writes.
 */
export const computeOrderCommissionsStep = createStep(
  computeOrderCommissionsStepId,
  async (facts: OrderCommissionFacts) =>
    new StepResponse<ComputedOrderCommissions>({
      settings: facts.settings,
      order_id: facts.order.id,
      customer_id: facts.order.customer_id,
      rows: computeOrderCommissions(facts).rows,
      bind_to_code: facts.bind_to_code,
      bind_source: facts.bind_source,
      coupon_use: facts.coupon_use,
    })
)
