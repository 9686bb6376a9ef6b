import { BigNumberInput, MedusaContainer } from "@medusajs/framework/types"
import { BigNumber, getLineItemTotals, MathBN } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE } from "../modules/distribution"
import DistributionModuleService from "../modules/distribution/service"
import { roundDown } from "../modules/distribution/utils/money"
import { LineTargets } from "../modules/distribution/utils/order-commissions"
import { CommissionRuleLike } from "../modules/distribution/utils/rate-resolution"
import { productsCommissionFacts } from "./medusa-tables"

export type ProductFacts = {
  id: string
  collection_id: string | null
  categories: { id: string; mpath: string | null }[]
}

export type CommissionFacts = {
  products: Map<string, ProductFacts>
  rules: CommissionRuleLike[]
}

/**
 * What rate resolution needs to know about products: their collection and
 * categories, and every rule that targets them, their variants, categories or
 * collection. Loaded the same way for the engine and for the distributor
 * centre's preview, so both resolve a line against the same facts.
 */
export async function loadCommissionFacts(
  container: MedusaContainer,
  input: { product_ids: string[]; variant_ids: string[] }
): Promise<CommissionFacts> {
  const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
  const productIds = [...new Set(input.product_ids)]
  const products: ProductFacts[] = await productsCommissionFacts(container, productIds)
  const targetIds = [
    ...input.variant_ids,
    ...productIds,
    ...products.flatMap((p) => [p.collection_id, ...(p.categories ?? []).map((c) => c?.id)]),
  ].filter((id): id is string => !!id)
  const rules = await service.listRulesForTargets(targetIds)
  return { products: new Map(products.map((p) => [p.id, p])), rules }
}

/** What rules can target on a line: categories most specific (deepest) first. */
export function lineFacts(
  facts: CommissionFacts,
  input: { variant_id: string | null; product_id: string | null }
): LineTargets {
  const product = input.product_id ? facts.products.get(input.product_id) : undefined
  return {
    variant_id: input.variant_id,
    product_id: input.product_id,
    category_ids: [...(product?.categories ?? [])]
      .filter(Boolean)
      .sort((a, b) => (b.mpath?.length ?? 0) - (a.mpath?.length ?? 0))
      .map((c) => c.id),
    collection_id: product?.collection_id ?? null,
  }
}

/** A line's commission base: subtotal after discounts, never negative, rounded down. */
export function lineBase(subtotal: BigNumberInput, discount: BigNumberInput, currencyCode: string): string {
  return roundDown(MathBN.max(0, MathBN.sub(subtotal, discount)), currencyCode)
}

/** How an order would carry one unit's price: whether it includes tax, and the tax rates (percent) of the line. */
export type UnitTax = { is_tax_inclusive: boolean; rates: number[] }

/**
 * The commission base of one unit bought at `unit_price`, as the engine gets it
 * from an order line: Medusa's own line totals (a tax-inclusive price counts
 * without its tax), then the line's base.
 */
export function unitBase(unitPrice: BigNumberInput, tax: UnitTax, currencyCode: string): string {
  const totals = getLineItemTotals(
    {
      id: "unit",
      unit_price: new BigNumber(unitPrice),
      quantity: new BigNumber(1),
      is_tax_inclusive: tax.is_tax_inclusive,
      tax_lines: tax.rates.map((rate) => ({ rate })),
      adjustments: [],
    },
    {}
  )
  return lineBase(totals.subtotal, totals.discount_subtotal, currencyCode)
}
