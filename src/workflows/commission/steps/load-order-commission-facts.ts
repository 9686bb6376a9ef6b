import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  ContainerRegistrationKeys,
  getLineItemsTotals,
  MedusaError,
  transformPropertiesToBigNumber,
} from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import { DistributorStatus } from "../../../modules/distribution/constants"
import DistributionModuleService from "../../../modules/distribution/service"
import { DistributionSettingsDTO } from "../../../modules/distribution/types"
import { levelOneBeneficiary } from "../../../modules/distribution/utils/attribution"
import { OrderCommissionsInput } from "../../../modules/distribution/utils/order-commissions"
import { lineBase, lineFacts, loadCommissionFacts } from "../../../lib/commission-facts"

/** Everything the commission of an order is computed from, as plain data. */
export type OrderCommissionFacts = OrderCommissionsInput & {
  settings: DistributionSettingsDTO
  /** Set when the order was attributed through the cart's code: the buyer gets bound to it. */
  bind_to_code: string | null
}

/** The keys a storefront may use to carry a referral code in the cart's metadata. */
export const CART_CODE_KEYS = ["referral_code", "distribution_referral_code"]

export const loadOrderCommissionFactsStepId = "load-order-commission-facts"

/**
 * Reads what the commission of an order depends on: the programme's settings,
 * the order's lines with their bases, whom the order is attributed to and the
 * upline from them to max_depth with their levels, and the rules that target
 * the lines. Reads only; the computation is the module's pure
 * computeOrderCommissions.
 */
export const loadOrderCommissionFactsStep = createStep(
  loadOrderCommissionFactsStepId,
  async (input: { order_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    // The order's own totals are not asked for: decorating them reads and computes
    // the whole order (shipping, credit lines, summary) and took two thirds of a
    // credit. A line's totals depend on the line alone (its price, quantity,
    // adjustments, tax lines and returned quantities), and Medusa's own function
    // computes them below from exactly that. The programme's settings are read
    // alongside the order.
    const [
      settings,
      {
        data: [order],
      },
    ] = await Promise.all([
      service.getSettings(),
      query.graph({
        entity: "order",
        fields: [
          "id",
          "customer_id",
          "currency_code",
          "metadata",
          "created_at",
          "status",
          "items.*",
          "items.adjustments.amount",
          "items.adjustments.is_tax_inclusive",
          "items.tax_lines.rate",
        ],
        filters: { id: input.order_id },
      }),
    ])
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
    }
    if (!settings.enabled || order.status === "canceled" || !order.items?.length) {
      return new StepResponse(none)
    }

    const items = order.items.filter((i): i is NonNullable<typeof i> => !!i)
    const metadata = (order.metadata ?? {}) as Record<string, unknown>
    const code = CART_CODE_KEYS.map((k) => metadata[k]).find((v): v is string => typeof v === "string") ?? null
    const attribute = async () => {
      const candidates = await service.getAttributionCandidates({
        customer_id: order.customer_id ?? null,
        referral_code: code,
        at: new Date(order.created_at as unknown as string),
      })
      const levelOne = levelOneBeneficiary({
        buyer_distributor: candidates.buyer,
        self_purchase: settings.self_purchase,
        binding_distributor_id: candidates.binding_distributor_id,
        cart_code_distributor_id:
          candidates.code_owner?.status === DistributorStatus.ACTIVE ? candidates.code_owner.id : null,
      })
      const chain = levelOne ? await service.getCommissionChain(levelOne.distributor_id, settings.max_depth) : []
      return { buyer: candidates.buyer, levelOne, chain }
    }
    // Attribution and the products' facts are independent reads: side by side.
    const [{ buyer, levelOne, chain }, facts] = await Promise.all([
      attribute(),
      loadCommissionFacts(container, {
        product_ids: items.map((i) => i.product_id).filter((id): id is string => !!id),
        variant_ids: items.map((i) => i.variant_id).filter((id): id is string => !!id),
      }),
    ])
    if (!levelOne || !chain.length) {
      return new StepResponse(none)
    }
    // As the order module decorates them: raw (exact) amounts first, then the line totals.
    const decorated = { items: items as unknown as Parameters<typeof getLineItemsTotals>[0] }
    transformPropertiesToBigNumber(decorated)
    const totals = getLineItemsTotals(decorated.items, {})

    return new StepResponse({
      ...none,
      order: {
        ...none.order,
        lines: items.map((item) => ({
          ...lineFacts(facts, { variant_id: item.variant_id ?? null, product_id: item.product_id ?? null }),
          id: item.id,
          quantity: Number(item.quantity),
          base_amount: lineBase(totals[item.id].subtotal, totals[item.id].discount_subtotal, currency),
        })),
      },
      chain: { source: levelOne.source, buyer_distributor_id: buyer?.id ?? null, members: chain },
      rules: facts.rules,
      bind_to_code: levelOne.source === "cart_code" && order.customer_id ? code ?? null : null,
    })
  }
)
