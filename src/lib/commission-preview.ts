import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { programmeSettings } from "./programme-settings"
import { DISTRIBUTION_MODULE } from "../modules/distribution"
import DistributionModuleService from "../modules/distribution/service"
import { DistributionLevelDTO } from "../modules/distribution/types"
import { formatAmount } from "../modules/distribution/utils/money"
import { previewUnitCommissions } from "../modules/distribution/utils/order-commissions"
import { lineFacts, loadCommissionFacts } from "./commission-facts"
import { presentCommissionRule } from "../api/utils/present"
import { loadUnitBases } from "./unit-taxes"
import { presentSales } from "./sales"
import { salePolicy } from "../modules/distribution/utils/sale"

const SPECIFICITY = ["variant", "product", "category", "collection"]

type ProductFacts = {
  id: string
  type_id: string | null
  variants:
    | {
        id: string
        title: string
        sku: string | null
        prices: { amount: number; currency_code: string; price_list_id?: string | null; rules_count?: number | null }[] | null
      }[]
    | null
}

/**
 * What one unit of each of a product's variants earns, per price currency, per
 * level and per depth: the engine's own base (a tax-inclusive price without its
 * tax) and its own computation of an order's commission, on a one-unit order
 * of the variant whose every earner has that level. A distributor of that level
 * at that depth earns exactly this on a one-unit order without discounts. A
 * variant in a running sale (限时折扣) is previewed at the sale's price in that
 * currency under the sale's policy, as an order placed now is credited.
 */
export async function previewProductCommissions(container: MedusaContainer, productId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
  const { data } = await query.graph({
    entity: "product",
    fields: [
      "id",
      "type_id",
      "variants.id",
      "variants.title",
      "variants.sku",
      "variants.prices.amount",
      "variants.prices.currency_code",
      "variants.prices.price_list_id",
      "variants.prices.rules_count",
    ],
    filters: { id: productId },
  })
  const product = data[0] as unknown as ProductFacts | undefined
  if (!product) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product ${productId} was not found`)
  }
  const variants = product.variants ?? []
  const [settings, facts, levels, baseOf, sales] = await Promise.all([
    programmeSettings(container),
    loadCommissionFacts(container, { product_ids: [product.id], variant_ids: variants.map((v) => v.id) }),
    service.listDistributionLevels({}, { order: { rank: "ASC" } }) as Promise<DistributionLevelDTO[]>,
    loadUnitBases(container, {
      products: [{ id: product.id, type_id: product.type_id, variant_ids: variants.map((v) => v.id) }],
      currency_codes: variants.flatMap((v) => (v.prices ?? []).map((p) => p.currency_code)),
    }),
    service.getSalesOfVariantsAt(variants.map((v) => v.id), new Date()),
  ])
  const { rules } = facts
  const saleOf = new Map(sales.map((s) => [s.variant_id, s]))
  const saleRows = sales.length ? await service.listDistributionSales({ id: [...new Set(sales.map((s) => s.sale_id))] }) : []
  const salePrices = new Map(
    (await presentSales(container, saleRows)).flatMap((sale) => sale.prices.map((p) => [`${p.variant_id}:${p.currency_code}`, p.amount] as const))
  )

  return {
    product_id: product.id,
    // The rules that can apply to this product's lines, most specific first (the variant ones per variant).
    rules: [...rules]
      .sort((a, b) => SPECIFICITY.indexOf(a.target_type) - SPECIFICITY.indexOf(b.target_type))
      .map((rule) => presentCommissionRule(rule, settings.currency_code)),
    max_depth: settings.max_depth,
    variants: variants.map((variant) => {
      // The regular prices: neither a price list's (a sale's) nor one with rules (a region's, a quantity's).
      const byCurrency = new Map((variant.prices ?? []).filter((p) => !p.price_list_id && !p.rules_count).map((p) => [p.currency_code, p]))
      const sale = saleOf.get(variant.id) ?? null
      return {
        variant_id: variant.id,
        title: variant.title,
        sku: variant.sku,
        prices: [...byCurrency.values()].map((price) => {
          const currency = price.currency_code
          const salePrice = sale ? salePrices.get(`${variant.id}:${currency}`) ?? null : null
          const amount = salePrice ?? price.amount
          const base = baseOf(variant.id, currency, amount)
          const line = lineFacts(facts, { variant_id: variant.id, product_id: product.id })
          return {
            currency_code: currency,
            amount: formatAmount(amount, currency),
            base: formatAmount(base, currency),
            sale: sale
              ? {
                  id: sale.sale_id,
                  name: sale.name,
                  commission_policy: sale.commission_policy,
                  regular_amount: formatAmount(price.amount, currency),
                  priced: salePrice !== null,
                }
              : null,
            // Without any level, every distributor earns the programme's default rates: one row says so.
            levels: (levels.length ? levels : [null]).map((level) => ({
              level_id: level?.id ?? null,
              level_name: level?.name ?? null,
              depths: previewUnitCommissions({
                line,
                base,
                currency_code: currency,
                level,
                depths: settings.max_depth,
                rules,
                settings,
                sale_policy: sale ? salePolicy(sale) : null,
              }).map((d) => ({
                depth: d.depth,
                source: d.rate_source,
                rate_bps: d.rate_bps,
                amount: formatAmount(d.amount, currency),
              })),
            })),
          }
        }),
      }
    }),
  }
}
