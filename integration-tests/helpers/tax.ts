import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/** The demo shop's region for China has no tax rate of its own: 13% VAT (增值税) while `run` runs. */
export async function withChineseVat<T>(container: MedusaContainer, run: () => Promise<T>): Promise<T> {
  const taxModule = container.resolve(Modules.TAX)
  const [cn] = await taxModule.listTaxRegions({ country_code: "cn", parent_id: null })
  const [vat] = await taxModule.createTaxRates([
    { tax_region_id: cn.id, rate: 13, code: "VAT", name: "增值税", is_default: true },
  ])
  try {
    return await run()
  } finally {
    await taxModule.deleteTaxRates([vat.id])
  }
}

/** Prices in `currency` include tax while `run` runs (Medusa's price preference). */
export async function withTaxInclusivePrices<T>(container: MedusaContainer, currency: string, run: () => Promise<T>): Promise<T> {
  const pricing = container.resolve(Modules.PRICING)
  const [preference] = await pricing.listPricePreferences({ attribute: "currency_code", value: currency })
  await pricing.updatePricePreferences(preference.id, { is_tax_inclusive: true })
  try {
    return await run()
  } finally {
    await pricing.updatePricePreferences(preference.id, { is_tax_inclusive: preference.is_tax_inclusive })
  }
}
