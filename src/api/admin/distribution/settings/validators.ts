import { z } from "@medusajs/framework/zod"
import {
  APPLICATION_MODES,
  BINDING_MODES,
  MAX_COMMISSION_DEPTH,
  SETTLE_ON_STATES,
  WITHDRAWAL_METHODS,
} from "../../../../modules/distribution/constants"
import { amountInput } from "../../../utils/money-input"
import { bps, currencyCode } from "../../../utils/validators"

export const AdminUpdateSettings = z
  .object({
    enabled: z.boolean(),
    max_depth: z
      .number()
      .int()
      .min(1, "max_depth must be at least 1")
      .max(
        MAX_COMMISSION_DEPTH,
        `max_depth cannot exceed ${MAX_COMMISSION_DEPTH}: commission is paid on at most ${MAX_COMMISSION_DEPTH} levels`
      ),
    application_mode: z.enum(APPLICATION_MODES),
    application_min_spend: amountInput("application_min_spend"),
    self_purchase: z.boolean(),
    binding_mode: z.enum(BINDING_MODES),
    binding_days: z.number().int().min(0).max(3650),
    bind_new_customers_only: z.boolean(),
    settle_on: z.enum(SETTLE_ON_STATES),
    freeze_days: z.number().int().min(0).max(3650),
    order_cap_bps: bps,
    min_withdrawal: amountInput("min_withdrawal"),
    withdrawal_fee_bps: bps,
    withdrawal_methods: z.array(z.enum(WITHDRAWAL_METHODS)).min(1),
    default_rate_bps_1: bps,
    default_rate_bps_2: bps,
    default_rate_bps_3: bps,
    // null: count in the store's default currency, whichever it is.
    currency_code: currencyCode.nullable(),
  })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: "Give at least one setting to change" })
export type AdminUpdateSettingsType = z.infer<typeof AdminUpdateSettings>
