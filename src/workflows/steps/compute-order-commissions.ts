import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  ContainerRegistrationKeys,
  getLineItemsTotals,
  MathBN,
  MedusaError,
  transformPropertiesToBigNumber,
} from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE } from "../../modules/distribution"
import { DistributorStatus } from "../../modules/distribution/constants"
import DistributionModuleService from "../../modules/distribution/service"
import { DistributionSettingsDTO, NewCommission } from "../../modules/distribution/types"
import { beneficiaries, levelOneBeneficiary } from "../../modules/distribution/utils/attribution"
import { applyOrderCap, lineCommission } from "../../modules/distribution/utils/commission-math"
import { resolveRate } from "../../modules/distribution/utils/rate-resolution"
import { defaultRates, lineBase, lineFacts, loadCommissionFacts } from "../utils/commission-facts"

export type ComputedOrderCommissions = {
  settings: DistributionSettingsDTO
  order_id: string
  customer_id: string | null
  rows: NewCommission[]
  /** Set when the order was attributed through the cart's code: the buyer gets bound to it. */
  bind_to_code: string | null
}

/** The keys a storefront may use to carry a referral code in the cart's metadata. */
export const CART_CODE_KEYS = ["referral_code", "distribution_referral_code"]

export const computeOrderCommissionsStepId = "compute-order-commissions"

/**
 * Works out who earns what from an order: attribution, the upline to
 * max_depth, the rate of each line at each depth, rounding and the cap. Reads
 * only; the arithmetic is the pure code in the module's utils.
 */
export const computeOrderCommissionsStep = createStep(
  computeOrderCommissionsStepId,
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
    const none: ComputedOrderCommissions = {
      settings,
      order_id: order.id,
      customer_id: order.customer_id ?? null,
      rows: [],
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
    const earners = beneficiaries({
      chain,
      max_depth: settings.max_depth,
      buyer_distributor_id: buyer?.id ?? null,
      self_purchase: settings.self_purchase,
    })
    const byId = new Map(chain.map((d) => [d.id, d]))
    const { rules } = facts
    // As the order module decorates them: raw (exact) amounts first, then the line totals.
    const lines = { items: items as unknown as Parameters<typeof getLineItemsTotals>[0] }
    transformPropertiesToBigNumber(lines)
    const totals = getLineItemsTotals(lines.items, {})

    const currency = order.currency_code
    const defaults = defaultRates(settings)
    let baseTotal = MathBN.convert(0)
    const drafts: (NewCommission & { key: string })[] = []
    for (const item of items) {
      const base = lineBase(totals[item.id].subtotal, totals[item.id].discount_subtotal, currency)
      baseTotal = MathBN.add(baseTotal, base)
      const line = lineFacts(facts, {
        variant_id: item.variant_id ?? null,
        product_id: item.product_id ?? null,
        currency_code: currency,
      })
      for (const earner of earners) {
        const level = byId.get(earner.distributor_id)!.level
        const resolution = resolveRate({ line, depth: earner.depth, rules, level, defaults })
        const quantity = Number(item.quantity)
        drafts.push({
          key: `${item.id}:${earner.depth}`,
          order_id: order.id,
          line_item_id: item.id,
          distributor_id: earner.distributor_id,
          buyer_customer_id: order.customer_id ?? null,
          depth: earner.depth,
          attribution: levelOne.source,
          product_id: item.product_id ?? null,
          variant_id: item.variant_id ?? null,
          quantity,
          base_amount: base,
          rate_bps: resolution.kind === "rate" ? resolution.rate_bps : null,
          rate_source: resolution.kind === "excluded" ? "excluded" : resolution.source,
          rule_id: resolution.rule_id,
          amount: lineCommission({ base, quantity, resolution, currency_code: currency }),
          currency_code: currency,
        })
      }
    }
    const capped = applyOrderCap({
      entries: drafts.map((d) => ({ key: d.key, depth: d.depth, amount: d.amount })),
      base_total: baseTotal,
      cap_bps: settings.order_cap_bps,
      currency_code: currency,
    })
    const amountOf = new Map(capped.entries.map((e) => [e.key, e.amount]))
    const rows = drafts
      .map(({ key, ...row }) => ({ ...row, amount: amountOf.get(key)! }))
      .filter((row) => MathBN.gt(row.amount, 0))
    return new StepResponse({
      ...none,
      rows,
      bind_to_code: levelOne.source === "cart_code" && order.customer_id ? code ?? null : null,
    })
  }
)
