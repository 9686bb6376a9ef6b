import { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
import { MoneyInput } from "../../utils/money-input"
import {
  AdminAdjustBalanceType,
  AdminCreateCommissionRuleType,
  AdminCreateLevelType,
  AdminUpdateCommissionRuleType,
  AdminUpdateSettingsType,
} from "./validators"
import { programmeCurrency, programmeSettings } from "../../utils/container"
import { storeDefaultCurrency } from "../../../lib/programme-settings"

/**
 * What each admin route's amounts are and which currency they are in, for
 * validateMoney: an amount is checked against the currency it will be read in
 * once written. An update that changes the currency must also fit the amounts
 * it keeps; one that does not is not refused for an amount it leaves alone.
 */
const service = (req: AuthenticatedMedusaRequest<unknown>): DistributionModuleService => req.scope.resolve(DISTRIBUTION_MODULE)

/** An adjustment: in a currency the store has. */
export const adjustmentMoney = (req: AuthenticatedMedusaRequest<AdminAdjustBalanceType>): MoneyInput => ({
  currency_code: req.validatedBody.currency_code,
  amounts: { amount: req.validatedBody.amount },
  store_currency: true,
})

/** Level thresholds are sales in the programme's currency. */
export const levelMoney = async (req: AuthenticatedMedusaRequest<Partial<AdminCreateLevelType>>): Promise<MoneyInput> => ({
  currency_code: await programmeCurrency(req.scope),
  amounts: {
    upgrade_personal_sales: req.validatedBody.upgrade_personal_sales,
    upgrade_team_sales: req.validatedBody.upgrade_team_sales,
  },
})

/** The settings' amounts are in the programme's currency, the new one when it changes. */
export const settingsMoney = async (req: AuthenticatedMedusaRequest<AdminUpdateSettingsType>): Promise<MoneyInput> => {
  const current = await programmeSettings(req.scope)
  const body = req.validatedBody
  // null returns the programme to the store's default currency.
  const next = body.currency_code === null ? await storeDefaultCurrency(req.scope) : body.currency_code ?? current.currency_code
  const kept = next !== current.currency_code ? current : null
  return {
    currency_code: next,
    amounts: {
      application_min_spend: body.application_min_spend ?? kept?.application_min_spend,
      min_withdrawal: body.min_withdrawal ?? kept?.min_withdrawal,
    },
    store_currency: typeof body.currency_code === "string",
  }
}

/** A rule's fixed amounts are in its own currency (on update: the new one, else the rule's). */
export const ruleMoney = async (
  req: AuthenticatedMedusaRequest<AdminCreateCommissionRuleType | AdminUpdateCommissionRuleType>
): Promise<MoneyInput> => {
  const body = req.validatedBody
  const existing = req.params.id ? await service(req).retrieveCommissionRule(req.params.id) : null
  const kept = existing && body.currency_code && body.currency_code !== existing.currency_code ? existing : null
  const amount = (depth: 1 | 2 | 3) =>
    body[`fixed_amount_${depth}`] !== undefined ? body[`fixed_amount_${depth}`] : kept?.[`fixed_amount_${depth}`]
  return {
    currency_code: body.currency_code ?? existing?.currency_code ?? (await programmeCurrency(req.scope)),
    amounts: { fixed_amount_1: amount(1), fixed_amount_2: amount(2), fixed_amount_3: amount(3) },
    store_currency: !!body.currency_code,
  }
}
