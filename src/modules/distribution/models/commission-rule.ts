import { model } from "@medusajs/framework/utils"
import { RULE_MODES, RULE_TARGET_TYPES } from "../constants"

/**
 * A commission rule for a variant, product, category or collection: a rate per
 * depth in basis points, a fixed amount per unit per depth (in one currency),
 * or "excluded". The most specific rule wins (see utils/rate-resolution).
 */
const CommissionRule = model
  .define({ name: "commission_rule", tableName: "distribution_commission_rule" }, {
    id: model.id({ prefix: "drule" }).primaryKey(),
    target_type: model.enum(RULE_TARGET_TYPES),
    target_id: model.text(),
    mode: model.enum(RULE_MODES),
    rate_bps_1: model.number().nullable(),
    rate_bps_2: model.number().nullable(),
    rate_bps_3: model.number().nullable(),
    fixed_amount_1: model.bigNumber().nullable(),
    fixed_amount_2: model.bigNumber().nullable(),
    fixed_amount_3: model.bigNumber().nullable(),
    currency_code: model.text().nullable(),
    note: model.text().nullable(),
  })
  .indexes([
    {
      name: "IDX_distribution_rule_target_unique",
      on: ["target_type", "target_id"],
      unique: true,
    },
  ])

export default CommissionRule
