import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  getLineItemsTotals,
  MedusaError,
  transformPropertiesToBigNumber,
} from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import { BindingSource, CouponAttribution, DistributorStatus } from "../../../modules/distribution/constants"
import { couponPolicy } from "../../../modules/distribution/utils/coupon"
import { salePolicy } from "../../../modules/distribution/utils/sale"
import { sumAmounts } from "../../../modules/distribution/utils/money"
import DistributionModuleService from "../../../modules/distribution/service"
import { DistributionSettingsDTO } from "../../../modules/distribution/types"
import { levelOneBeneficiary } from "../../../modules/distribution/utils/attribution"
import { OrderCommissionsInput } from "../../../modules/distribution/utils/order-commissions"
import { lineBase, lineFacts, loadCommissionFacts } from "../../../lib/commission-facts"
import { activityPoliciesOfLines } from "../../../lib/activity/commission"
import { orderForCommission } from "../../../lib/medusa-tables"

/** An order's use of a distributor coupon: recorded with the order's sales (its lines' bases). */
export type CouponUseFacts = {
  coupon_id: string
  distributor_id: string
  order_id: string
  customer_id: string | null
  sales_amount: string
  currency_code: string
}

/** Everything the commission of an order is computed from, as plain data. */
export type OrderCommissionFacts = OrderCommissionsInput & {
  settings: DistributionSettingsDTO
  /** Set when the order was attributed through the cart's code or a coupon: the buyer gets bound to it. */
  bind_to_code: string | null
  bind_source: typeof BindingSource.CODE | typeof BindingSource.COUPON
  /** The distributor coupon the order used, if any. */
  coupon_use: CouponUseFacts | null
}

/** The keys a storefront may use to carry a referral code in the cart's metadata. */
export const CART_CODE_KEYS = ["referral_code", "distribution_referral_code"]

export const loadOrderCommissionFactsStepId = "load-order-commission-facts"

/**
 * Reads what the commission of an order depends on: the programme's settings,
 * the order's lines with their bases, whom the order is attributed to and the
 * upline from them to max_depth with their levels, the rules that target
 * the lines and the sale each line's variant was in at the order's time.
 * Reads only; the computation is the module's pure computeOrderCommissions.
 */
export const loadOrderCommissionFactsStep = createStep(
  loadOrderCommissionFactsStepId,
  async (input: { order_id: string }, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    // The order is read from the order module's tables (lib/medusa-tables): its
    // lines, their adjustments and tax lines and its promotions, not its totals.
    // A line's totals depend on the line alone (its price, quantity, adjustments,
    // tax lines and returned quantities), and Medusa's own function computes them
    // below from exactly that. The programme's settings are read alongside.
    const [settings, order] = await Promise.all([service.getSettings(), orderForCommission(container, input.order_id)])
    if (!order) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${input.order_id} was not found`)
    }
    const currency = order.currency_code
    const none: OrderCommissionFacts = {
      settings,
      order: { id: order.id, customer_id: order.customer_id ?? null, currency_code: currency, lines: [] },
      chain: null,
      rules: [],
      bind_to_code: null,
      bind_source: BindingSource.CODE,
      coupon_use: null,
    }
    if (!settings.enabled || order.status === "canceled" || !order.items?.length) {
      return new StepResponse(none)
    }

    const items = order.items
    const metadata = order.metadata ?? {}
    const code = CART_CODE_KEYS.map((k) => metadata[k]).find((v): v is string => typeof v === "string") ?? null
    const promotionIds = order.promotion_ids
    const attribute = async () => {
      const [candidates, coupon] = await Promise.all([
        service.getAttributionCandidates({
          customer_id: order.customer_id ?? null,
          referral_code: code,
          at: order.created_at,
        }),
        service.getCouponOfPromotions(promotionIds),
      ])
      const levelOne = levelOneBeneficiary({
        buyer_distributor: candidates.buyer,
        self_purchase: settings.self_purchase,
        binding_distributor_id: candidates.binding_distributor_id,
        cart_code_distributor_id:
          candidates.code_owner?.status === DistributorStatus.ACTIVE ? candidates.code_owner.id : null,
        coupon_distributor_id: coupon?.owner_status === DistributorStatus.ACTIVE ? coupon.distributor_id : null,
        coupon_first: settings.coupon_attribution === CouponAttribution.COUPON_FIRST,
      })
      const chain = levelOne ? await service.getCommissionChain(levelOne.distributor_id, settings.max_depth) : []
      return { buyer: candidates.buyer, levelOne, chain, coupon }
    }
    const variantIds = items.map((i) => i.variant_id).filter((id): id is string => !!id)
    // Attribution, the products' facts and the lines' sales are independent reads: side by side.
    const [{ buyer, levelOne, chain, coupon }, facts, sales, activityPolicies] = await Promise.all([
      attribute(),
      loadCommissionFacts(container, {
        product_ids: items.map((i) => i.product_id).filter((id): id is string => !!id),
        variant_ids: variantIds,
      }),
      // A line is in the sale its variant was in when the order was placed: Medusa's
      // line does not say which price list priced it, and a variant is in one sale
      // at a time (overlaps are refused), so variant + instant names the sale.
      service.getSalesOfVariantsAt(variantIds, order.created_at),
      // A line bought through activity checkout (秒杀, 拼团) carries its activity: its policy, by the same rule.
      activityPoliciesOfLines(container, items.map((i) => ({ id: i.id, metadata: i.metadata }))),
    ])
    const saleOf = new Map(sales.map((s) => [s.variant_id, s]))
    // As the order module decorates them: raw (exact) amounts first, then the line totals.
    const decorated = { items: items as unknown as Parameters<typeof getLineItemsTotals>[0] }
    transformPropertiesToBigNumber(decorated)
    const totals = getLineItemsTotals(decorated.items, {})
    const bases = new Map<string, string>(
      items.map((item) => [item.id, lineBase(totals[item.id].subtotal, totals[item.id].discount_subtotal, currency)] as [string, string])
    )
    // A coupon's use is recorded whoever earns (or nobody: its owner's own order under self-purchase off).
    const coupon_use: CouponUseFacts | null = coupon
      ? {
          coupon_id: coupon.id,
          distributor_id: coupon.distributor_id,
          order_id: order.id,
          customer_id: order.customer_id ?? null,
          sales_amount: sumAmounts([...bases.values()]),
          currency_code: currency,
        }
      : null
    if (!levelOne || !chain.length) {
      return new StepResponse({ ...none, coupon_use })
    }
    const throughCoupon = !!coupon && coupon.distributor_id === levelOne.distributor_id
    const bindCode = levelOne.source === "cart_code" ? code : levelOne.source === "coupon" && settings.coupon_binds_customer ? coupon?.owner_referral_code ?? null : null

    return new StepResponse({
      ...none,
      order: {
        ...none.order,
        lines: items.map((item) => ({
          ...lineFacts(facts, { variant_id: item.variant_id ?? null, product_id: item.product_id ?? null }),
          id: item.id,
          quantity: Number(item.quantity),
          base_amount: bases.get(item.id)!,
          sale_policy: activityPolicies.has(item.id)
            ? salePolicy(activityPolicies.get(item.id)!)
            : item.variant_id && saleOf.has(item.variant_id)
              ? salePolicy(saleOf.get(item.variant_id)!)
              : null,
          sale_id: activityPolicies.has(item.id) ? null : (item.variant_id && saleOf.get(item.variant_id)?.sale_id) || null,
        })),
      },
      chain: { source: levelOne.source, buyer_distributor_id: buyer?.id ?? null, members: chain },
      rules: facts.rules,
      coupon_policy: throughCoupon ? couponPolicy(coupon, settings) : null,
      bind_to_code: order.customer_id ? bindCode : null,
      bind_source: levelOne.source === "coupon" ? BindingSource.COUPON : BindingSource.CODE,
      coupon_use,
    })
  }
)
