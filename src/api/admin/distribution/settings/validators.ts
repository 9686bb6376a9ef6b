import { z } from "@medusajs/framework/zod"
import { SETTING_FIELDS } from "../../../../modules/distribution/utils/settings"
import { amountInput } from "../../../utils/money-input"
import { currencyCode } from "../../../utils/validators"

/**
 * Any of the settings (declared once, in the module's SETTING_FIELDS); amounts
 * come in the currency's major unit, and currency_code null means "count in the
 * store's default currency, whichever it is".
 */
export const AdminUpdateSettings = SETTING_FIELDS.extend({
  application_min_spend: amountInput("application_min_spend"),
  min_withdrawal: amountInput("min_withdrawal"),
  currency_code: currencyCode.nullable(),
})
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: "Give at least one setting to change" })
export type AdminUpdateSettingsType = z.infer<typeof AdminUpdateSettings>
