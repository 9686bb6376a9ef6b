import { model } from "@medusajs/framework/utils"
import { LEDGER_KINDS } from "../constants"

/**
 * The wallet's append-only ledger: a signed amount per event. Unique on
 * (kind, reference_id), so replaying a settlement, clawback or withdrawal
 * step can never write its entry twice. A balance is a sum of these rows.
 */
const LedgerEntry = model
  .define({ name: "ledger_entry", tableName: "distribution_ledger_entry" }, {
    id: model.id({ prefix: "dled" }).primaryKey(),
    distributor_id: model.text(),
    currency_code: model.text(),
    kind: model.enum(LEDGER_KINDS),
    amount: model.bigNumber(),
    reference_type: model.text(),
    reference_id: model.text(),
    reason: model.text().nullable(),
    actor_id: model.text().nullable(),
  })
  .indexes([
    {
      name: "IDX_distribution_ledger_unique_reference",
      on: ["kind", "reference_id"],
      unique: true,
    },
    {
      // The distributor alone, deduplicated: Migration20261209100000.
      name: "IDX_distribution_ledger_distributor",
      on: ["distributor_id"],
    },
  ])

export default LedgerEntry
