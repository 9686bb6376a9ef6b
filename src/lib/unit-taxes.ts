import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import { UnitTax, unitBase } from "./commission-facts"

type Region = { id: string; currency_code: string; countries: { iso_2: string }[] | null }
type TaxedProduct = { id: string; type_id: string | null; variant_ids: string[] }

const NO_TAX: UnitTax = { is_tax_inclusive: false, rates: [] }

/**
 * How orders would carry a variant's price in a currency: whether the price
 * includes tax (the currency's price preference, as Medusa's pricing decides
 * for a price without a region rule, unless the caller knows better from a
 * calculated price) and the rates the tax module gives the line in each
 * country of the currency's regions (or of `region_id`'s). A base is then the
 * price without that tax, as an order line's subtotal is. Where those
 * countries tax at different rates, the lowest base is the answer, so a
 * preview never promises more than an order would pay.
 */
export async function loadUnitBases(
  container: MedusaContainer,
  input: { products: TaxedProduct[]; currency_codes: string[]; region_id?: string }
) {
  const currencies = [...new Set(input.currency_codes.map((c) => c.toLowerCase()))]
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: regions } = (await query.graph({
    entity: "region",
    fields: ["id", "currency_code", "countries.iso_2"],
    filters: input.region_id ? { id: input.region_id } : { currency_code: currencies },
  })) as unknown as { data: Region[] }
  const preferences = currencies.length
    ? await container.resolve(Modules.PRICING).listPricePreferences({ attribute: "currency_code", value: currencies })
    : []
  const inclusiveIn = new Set(preferences.filter((p) => p.is_tax_inclusive).map((p) => p.value))

  // Rates matter only where prices include tax (or may, in a given region): one tax-module read per country.
  const countries = [
    ...new Set(
      regions
        .filter((r) => input.region_id || inclusiveIn.has(r.currency_code.toLowerCase()))
        .flatMap((r) => (r.countries ?? []).map((c) => c.iso_2.toLowerCase()))
    ),
  ]
  const items = input.products.flatMap((p) =>
    p.variant_ids.map((id) => ({ id, product_id: p.id, product_type_id: p.type_id ?? undefined, quantity: 1 }))
  )
  const tax = container.resolve(Modules.TAX)
  const ratesIn = new Map(
    await Promise.all(
      countries.map(async (country) => {
        const lines = (await tax.getTaxLines(items, { address: { country_code: country } })) as {
          line_item_id?: string
          rate: number
        }[]
        const byVariant = new Map<string, number[]>()
        for (const line of lines) {
          if (line.line_item_id) {
            byVariant.set(line.line_item_id, [...(byVariant.get(line.line_item_id) ?? []), line.rate])
          }
        }
        return [country, byVariant] as const
      })
    )
  )

  /**
   * The unit's base in this currency: its price, without the tax where the
   * price includes it (`inclusive`: what Medusa's calculated price says, when known).
   */
  return (variantId: string, currency: string, price: number | string, inclusive?: boolean | null) => {
    const code = currency.toLowerCase()
    if (!(inclusive ?? inclusiveIn.has(code))) {
      return unitBase(price, NO_TAX, code)
    }
    const contexts: UnitTax[] = regions
      .filter((r) => r.currency_code.toLowerCase() === code)
      .flatMap((r) =>
        (r.countries ?? []).map((c) => ({
          is_tax_inclusive: true,
          rates: ratesIn.get(c.iso_2.toLowerCase())?.get(variantId) ?? [],
        }))
      )
    if (!contexts.length) {
      contexts.push({ is_tax_inclusive: true, rates: [] })
    }
    return contexts
      .map((tax) => unitBase(price, tax, code))
      .reduce((lowest, base) => (MathBN.lt(base, lowest) ? base : lowest))
  }
}
