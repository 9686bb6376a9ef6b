import { model } from "@medusajs/framework/utils"
import { VISIT_SOURCES } from "../constants"

/**
 * A visit through a distributor's link, code or QR: the denominator of the
 * conversion rate. One row per distributor, visitor and day (the visitor key is a
 * salted hash; no raw IP or device id is ever stored), so reloads do not inflate it.
 */
const Visit = model
  .define({ name: "distribution_visit", tableName: "distribution_visit" }, {
    id: model.id({ prefix: "dvis" }).primaryKey(),
    distributor_id: model.text(),
    visitor_key: model.text(),
    visit_date: model.text(),
    source: model.enum(VISIT_SOURCES),
    landing_path: model.text().nullable(),
  })
  .indexes([
    {
      name: "IDX_distribution_visit_unique_daily",
      on: ["distributor_id", "visitor_key", "visit_date"],
      unique: true,
    },
    {
      name: "IDX_distribution_visit_distributor_created",
      on: ["distributor_id", "created_at"],
    },
    // The admin reports: visits of a period, every distributor.
    { name: "IDX_distribution_visit_created", on: ["created_at"] },
  ])

export default Visit
