import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { refusalError } from "../../../modules/distribution/utils/refusal"
import { percentOffPrices, RegularPrice, SalePrice, salePriceRefusal } from "../../../modules/distribution/utils/sale"

type VariantPrices = {
  id: string
  product_id: string
  prices:
    | {
        amount: number | string
        currency_code: string
        price_list_id: string | null
        min_quantity: number | null
        max_quantity: number | null
        price_rules: { attribute: string; value: string }[] | null
      }[]
    | null
}

/** How a sale's prices are given: a percentage off every regular price of its variants, or fixed prices. */
export type SalePricing =
  | { percent_off_bps: number; product_ids?: string[]; variant_ids?: string[] }
  | { prices: { variant_id: string; currency_code: string; amount: string }[] }

/**
 * A sale's variants (each with its product) and its prices, read from Medusa:
 * a product stands for all its variants; an unknown id is the caller's
 * mistake (a 400 naming it). Percent off is computed from each variant's
 * regular prices (those of no price list) in every currency they have, with
 * their quantity tiers and rules; fixed prices are checked against their
 * currency. A variant without any regular price cannot be put on sale by
 * percentage.
 */
export async function resolveSalePrices(
  container: MedusaContainer,
  pricing: SalePricing
): Promise<{ variants: { variant_id: string; product_id: string }[]; prices: SalePrice[] }> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  if ("prices" in pricing) {
    const ids = [...new Set(pricing.prices.map((p) => p.variant_id))]
    const { data } = await query.graph({ entity: "variant", fields: ["id", "product_id"], filters: { id: ids } })
    const known = new Map((data as { id: string; product_id: string }[]).map((v) => [v.id, v.product_id]))
    const unknown = ids.filter((id) => !known.has(id))
    if (unknown.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `No such variant: ${unknown.join(", ")}`)
    }
    const seen = new Set<string>()
    const prices = pricing.prices.map((p) => {
      const price = { variant_id: p.variant_id, currency_code: p.currency_code.toLowerCase(), amount: p.amount }
      const key = `${price.variant_id}:${price.currency_code}`
      if (seen.has(key)) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `${price.variant_id} has two sale prices in ${price.currency_code.toUpperCase()}`)
      }
      seen.add(key)
      const refusal = salePriceRefusal(price)
      if (refusal) throw refusalError(refusal)
      return price
    })
    return { variants: ids.map((id) => ({ variant_id: id, product_id: known.get(id)! })), prices }
  }

  const productIds = [...new Set(pricing.product_ids ?? [])]
  const variantIds = [...new Set(pricing.variant_ids ?? [])]
  const fields = [
    "id",
    "product_id",
    "prices.amount",
    "prices.currency_code",
    "prices.price_list_id",
    "prices.min_quantity",
    "prices.max_quantity",
    "prices.price_rules.attribute",
    "prices.price_rules.value",
  ]
  const [byProduct, byId] = await Promise.all([
    productIds.length ? query.graph({ entity: "variant", fields, filters: { product_id: productIds } }) : { data: [] },
    variantIds.length ? query.graph({ entity: "variant", fields, filters: { id: variantIds } }) : { data: [] },
  ])
  const rows = [...(byProduct.data as unknown as VariantPrices[]), ...(byId.data as unknown as VariantPrices[])]
  const unknownProducts = productIds.filter((id) => !rows.some((v) => v.product_id === id))
  const unknownVariants = variantIds.filter((id) => !rows.some((v) => v.id === id))
  if (unknownProducts.length || unknownVariants.length) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `No such ${[...unknownProducts.map((id) => `product (or one without variants) ${id}`), ...unknownVariants.map((id) => `variant ${id}`)].join(", ")}`
    )
  }
  const variants = new Map(rows.map((v) => [v.id, v]))
  const regular: RegularPrice[] = []
  for (const v of variants.values()) {
    const own = (v.prices ?? []).filter((p) => !p.price_list_id)
    if (!own.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Variant ${v.id} has no price to take a percentage off`)
    }
    for (const p of own) {
      const rules = Object.fromEntries((p.price_rules ?? []).map((r) => [r.attribute, r.value]))
      regular.push({
        variant_id: v.id,
        currency_code: p.currency_code,
        amount: p.amount,
        min_quantity: p.min_quantity ?? null,
        max_quantity: p.max_quantity ?? null,
        ...(Object.keys(rules).length ? { rules } : {}),
      })
    }
  }
  return {
    variants: [...variants.values()].map((v) => ({ variant_id: v.id, product_id: v.product_id })),
    prices: percentOffPrices(regular, pricing.percent_off_bps),
  }
}

/**
 * Sale prices as Medusa's price-list workflows take them. Medusa keeps amounts
 * as exact decimals and reads a decimal string as such; its input type says
 * number only.
 */
export function priceListPrices(prices: SalePrice[]) {
  return prices.map((p) => ({
    variant_id: p.variant_id,
    currency_code: p.currency_code,
    amount: p.amount as unknown as number,
    ...(p.min_quantity != null ? { min_quantity: p.min_quantity } : {}),
    ...(p.max_quantity != null ? { max_quantity: p.max_quantity } : {}),
    ...(p.rules ? { rules: p.rules } : {}),
  }))
}
