import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE } from "../modules/distribution"
import DistributionModuleService from "../modules/distribution/service"
import { DistributionSettingsDTO } from "../modules/distribution/types"

/** The settings with the programme's currency resolved, and whether it is the store's. */
export type ProgrammeSettings = Omit<DistributionSettingsDTO, "currency_code"> & {
  currency_code: string
  /** True while no currency was chosen: the programme counts in the store's default currency. */
  currency_follows_store: boolean
}

type StoreCurrency = { currency_code: string; is_default: boolean }

/** The store's currencies, lower-case, in the store's order (Medusa apps have one store). */
export async function storeCurrencyList(container: MedusaContainer): Promise<StoreCurrency[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "store",
    fields: ["supported_currencies.currency_code", "supported_currencies.is_default"],
  })
  return (data as { supported_currencies?: { currency_code: string; is_default?: boolean | null }[] | null }[])
    .flatMap((s) => s.supported_currencies ?? [])
    .map((c) => ({ currency_code: c.currency_code.toLowerCase(), is_default: !!c.is_default }))
}

/** The store's default currency, lower-case. */
export async function storeDefaultCurrency(container: MedusaContainer): Promise<string> {
  const currencies = await storeCurrencyList(container)
  const chosen = currencies.find((c) => c.is_default) ?? currencies[0]
  if (!chosen) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "The store has no currency: add one in Settings › Store, or choose the programme's currency in Distribution › Settings"
    )
  }
  return chosen.currency_code
}

/**
 * The programme's settings as everything outside the module reads them: the one
 * place an unset currency becomes the store's default currency. A merchant who
 * installs the plugin in a EUR store runs a EUR programme without touching a
 * setting; one who picks a currency keeps it when the store's default changes.
 */
export async function programmeSettings(container: MedusaContainer): Promise<ProgrammeSettings> {
  const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
  const settings = await service.getSettings()
  const chosen = settings.currency_code?.toLowerCase()
  return {
    ...settings,
    currency_code: chosen ?? (await storeDefaultCurrency(container)),
    currency_follows_store: !chosen,
  }
}

/** The programme's currency: the one its settings, level thresholds and reports are in. */
export async function programmeCurrency(container: MedusaContainer): Promise<string> {
  return (await programmeSettings(container)).currency_code
}
