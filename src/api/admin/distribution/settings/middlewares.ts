import { AuthenticatedMedusaRequest, MiddlewareRoute } from "@medusajs/framework/http"
import { storeDefaultCurrency } from "../../../../lib/programme-settings"
import { programmeSettings } from "../../../utils/container"
import { MoneyInput, validateMoney } from "../../../utils/money-input"
import type { AdminUpdateSettingsType } from "./validators"
import { validateBody } from "../../../utils/lazy-validation"

const validators = () => require("./validators") as typeof import("./validators")

/**
 * The settings' amounts are in the programme's currency, the new one when it
 * changes: a change of currency must also fit the amounts it keeps, and an
 * update that does not change it is not refused for an amount it leaves alone.
 */
const settingsMoney = async (req: AuthenticatedMedusaRequest<AdminUpdateSettingsType>): Promise<MoneyInput> => {
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

export const adminSettingsMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/distribution/settings",
    method: "POST",
    middlewares: [validateBody(() => validators().AdminUpdateSettings), validateMoney(settingsMoney)],
  },
]
