import { z } from "@medusajs/framework/zod"
import { RULE_MODES, RULE_TARGET_TYPES } from "../../../../modules/distribution/constants"
import { amountInput } from "../../../utils/money-input"
import { bps, currencyCode, findParams, oneOrMany } from "../../../utils/validators"

const ruleFields = {
  target_type: z.enum(RULE_TARGET_TYPES),
  target_id: z.string().min(1),
  mode: z.enum(RULE_MODES),
  rate_bps_1: bps.nullable().optional(),
  rate_bps_2: bps.nullable().optional(),
  rate_bps_3: bps.nullable().optional(),
  fixed_amount_1: amountInput("fixed_amount_1").nullable().optional(),
  fixed_amount_2: amountInput("fixed_amount_2").nullable().optional(),
  fixed_amount_3: amountInput("fixed_amount_3").nullable().optional(),
  currency_code: currencyCode.nullable().optional(),
  note: z.string().max(500).nullable().optional(),
}
const ruleShape = (v: { mode?: string; currency_code?: string | null; rate_bps_1?: number | null; rate_bps_2?: number | null; rate_bps_3?: number | null; fixed_amount_1?: number | null }) =>
  v.mode === "fixed" ? !!v.currency_code && v.fixed_amount_1 != null : true
export const AdminCreateCommissionRule = z
  .object(ruleFields)
  .strict()
  .refine(ruleShape, { message: "A fixed rule needs fixed_amount_1 and its currency_code" })
  .refine((v) => v.mode !== "rate" || [v.rate_bps_1, v.rate_bps_2, v.rate_bps_3].some((r) => r != null), {
    message: "A rate rule needs at least one of rate_bps_1, rate_bps_2, rate_bps_3",
  })
export type AdminCreateCommissionRuleType = z.infer<typeof AdminCreateCommissionRule>
export const AdminUpdateCommissionRule = z
  .object(ruleFields)
  .omit({ target_type: true, target_id: true })
  .partial()
  .strict()
  .refine(ruleShape, { message: "A fixed rule needs fixed_amount_1 and its currency_code" })
export type AdminUpdateCommissionRuleType = z.infer<typeof AdminUpdateCommissionRule>
export const AdminListCommissionRules = findParams({
  limit: 50,
  order: "-created_at",
  orderable: ["created_at", "target_type", "mode"],
}).extend({
  target_type: oneOrMany(z.enum(RULE_TARGET_TYPES)),
  target_id: oneOrMany(z.string()),
})
