import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import { UnitTax, unitBase } from "../../workflows/utils/commission-facts"

type Region = { id: string; currency_code: string; countries: { iso_2: string }[] | null }
type TaxedProduct = { id: string; type_id: string | null; variant_ids: string[] }

const NO_TAX: UnitTax = { is_tax_inclusive: false, rates: [] }

/**
 * How orders would carry a variant's price in a currency: whether the price
 * includes tax — Medusa's price preferences, a region's over its currency's —
 * and the rates the tax module gives the line in each country of the
 * currency's regions (or of `region_id`'s). A base is then the price without
 * that tax, as an order line's subtotal is. Where those countries tax at
 * different rates, the lowest base is the answer, so a preview never promises
 * more than an order would pay.
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
  const pricing = container.resolve(Modules.PRICING)
  const [byCurrency, byRegion] = await Promise.all([
    currencies.length ? pricing.listPricePreferences({ attribute: "currency_code", value: currencies }) : [],
    regions.length ? pricing.listPricePreferences({ attribute: "region_id", value: regions.map((r) => r.id) }) : [],
  ])
  const inclusive = (values: { value: string | null; is_tax_inclusive: boolean }[], value: string) =>
    values.find((p) => p.value === value)?.is_tax_inclusive
  const currencyInclusive = (currency: string) => inclusive(byCurrency, currency) ?? false
  const regionInclusive = (region: Region) =>
    inclusive(byRegion, region.id) ?? currencyInclusive(region.currency_code.toLowerCase())

  // Rates matter only where prices include tax: one tax-module read per such country.
  const countries = [
    ...new Set(regions.filter(regionInclusive).flatMap((r) => (r.countries ?? []).map((c) => c.iso_2.toLowerCase()))),
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

  /** The unit's base in this currency: its price, without the tax where the price includes it. */
  return (variantId: string, currency: string, price: number | string) => {
    const code = currency.toLowerCase()
    const contexts: UnitTax[] = regions
      .filter((r) => r.currency_code.toLowerCase() === code)
      .flatMap((r) =>
        regionInclusive(r)
          ? (r.countries ?? []).map((c) => ({
              is_tax_inclusive: true,
              rates: ratesIn.get(c.iso_2.toLowerCase())?.get(variantId) ?? [],
            }))
          : [NO_TAX]
      )
    if (!contexts.length) {
      contexts.push({ is_tax_inclusive: currencyInclusive(code), rates: [] })
    }
    return contexts
      .map((tax) => unitBase(price, tax, code))
      .reduce((lowest, base) => (MathBN.lt(base, lowest) ? base : lowest))
  }
}
