import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MathBN, MedusaError } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE } from "../../modules/distribution"
import { DistributorStatus } from "../../modules/distribution/constants"
import DistributionModuleService from "../../modules/distribution/service"
import {
  DistributionLevelDTO,
  DistributionSettingsDTO,
  NewCommission,
} from "../../modules/distribution/types"
import { beneficiaries, levelOneBeneficiary } from "../../modules/distribution/utils/attribution"
import { applyOrderCap, lineCommission } from "../../modules/distribution/utils/commission-math"
import { resolveRate } from "../../modules/distribution/utils/rate-resolution"
import { defaultRates, lineBase, lineFacts, loadCommissionFacts } from "../utils/commission-facts"

export type ComputedOrderCommissions = {
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
  async (input: { order_id: string; settings: DistributionSettingsDTO }, { container }) => {
    const { settings } = input
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const {
      data: [order],
    } = await query.graph({
      entity: "order",
      fields: [
        "id",
        "customer_id",
        "currency_code",
        "metadata",
        "created_at",
        "status",
        // Line totals are computed only when the order's own totals are asked for.
        "subtotal",
        "items.*",
        "items.subtotal",
        "items.discount_subtotal",
      ],
      filters: { id: input.order_id },
    })
    if (!order) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${input.order_id} was not found`)
    }
    const none: ComputedOrderCommissions = {
      order_id: order.id,
      customer_id: order.customer_id ?? null,
      rows: [],
      bind_to_code: null,
    }
    if (!settings.enabled || order.status === "canceled" || !order.items?.length) {
      return new StepResponse(none)
    }

    const placedAt = new Date(order.created_at as unknown as string)
    const buyer = order.customer_id ? await service.retrieveDistributorByCustomer(order.customer_id) : null
    const binding = order.customer_id ? await service.getValidBinding(order.customer_id, placedAt) : null
    const metadata = (order.metadata ?? {}) as Record<string, unknown>
    const code = CART_CODE_KEYS.map((k) => metadata[k]).find((v): v is string => typeof v === "string")
    const codeOwner = code ? await service.retrieveDistributorByCode(code) : null
    const levelOne = levelOneBeneficiary({
      buyer_distributor: buyer,
      self_purchase: settings.self_purchase,
      binding_distributor_id: binding?.distributor_id ?? null,
      cart_code_distributor_id: codeOwner?.status === DistributorStatus.ACTIVE ? codeOwner.id : null,
    })
    if (!levelOne) {
      return new StepResponse(none)
    }
    const first = await service.retrieveDistributor(levelOne.distributor_id, { relations: ["level"] })
    const chain = [first, ...(await service.getUpline(first.id))]
    const earners = beneficiaries({
      chain,
      max_depth: settings.max_depth,
      buyer_distributor_id: buyer?.id ?? null,
      self_purchase: settings.self_purchase,
    })
    const byId = new Map(chain.map((d) => [d.id, d]))

    const items = order.items.filter((i): i is NonNullable<typeof i> => !!i)
    const facts = await loadCommissionFacts(container, {
      product_ids: items.map((i) => i.product_id).filter((id): id is string => !!id),
      variant_ids: items.map((i) => i.variant_id).filter((id): id is string => !!id),
    })
    const { rules } = facts

    const currency = order.currency_code
    const defaults = defaultRates(settings)
    let baseTotal = MathBN.convert(0)
    const drafts: (NewCommission & { key: string })[] = []
    for (const item of items) {
      const base = lineBase(item.subtotal ?? 0, (item as { discount_subtotal?: number }).discount_subtotal ?? 0, currency)
      baseTotal = MathBN.add(baseTotal, base)
      const line = lineFacts(facts, {
        variant_id: item.variant_id ?? null,
        product_id: item.product_id ?? null,
        currency_code: currency,
      })
      for (const earner of earners) {
        const level = byId.get(earner.distributor_id)!.level as DistributionLevelDTO | null
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
