import { model } from "@medusajs/framework/utils"
import { BINDING_SOURCES } from "../constants"

/** Which distributor a buyer belongs to. One row per customer, rewritten on a re-bind. */
const ReferralBinding = model
  .define({ name: "referral_binding", tableName: "distribution_referral_binding" }, {
    id: model.id({ prefix: "dbind" }).primaryKey(),
    customer_id: model.text(),
    distributor_id: model.text(),
    source: model.enum(BINDING_SOURCES),
    bound_at: model.dateTime(),
    expires_at: model.dateTime().nullable(),
    bound_by: model.text().nullable(),
  })
  .indexes([
    {
      name: "IDX_distribution_binding_customer_unique",
      on: ["customer_id"],
      unique: true,
    },
    {
      name: "IDX_distribution_binding_distributor",
      on: ["distributor_id", "bound_at"],
    },
  ])

export default ReferralBinding
