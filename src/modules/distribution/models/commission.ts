import { model } from "@medusajs/framework/utils"
import { COMMISSION_STATUSES, CommissionStatus } from "../constants"

/**
 * What one distributor earns from one line of one order at one depth
 * (1 = the direct referrer). Unique on (order, line, distributor, depth): the
 * same order can never pay twice, whatever is retried or replayed.
 * `amount − reversed_amount` is what the commission is still worth.
 */
const Commission = model
  .define({ name: "commission", tableName: "distribution_commission" }, {
    id: model.id({ prefix: "dcom" }).primaryKey(),
    order_id: model.text(),
    line_item_id: model.text(),
    distributor_id: model.text(),
    buyer_customer_id: model.text().nullable(),
    depth: model.number(),
    attribution: model.text(),
    product_id: model.text().nullable(),
    variant_id: model.text().nullable(),
    quantity: model.number(),
    base_amount: model.bigNumber(),
    rate_bps: model.number().nullable(),
    rate_source: model.text(),
    rule_id: model.text().nullable(),
    amount: model.bigNumber(),
    reversed_amount: model.bigNumber().default(0),
    currency_code: model.text(),
    status: model.enum(COMMISSION_STATUSES).default(CommissionStatus.PENDING),
    eligible_at: model.dateTime().nullable(),
    settled_at: model.dateTime().nullable(),
    reversed_at: model.dateTime().nullable(),
    /** The sale (限时折扣) whose policy the line was credited under (null: none). */
    sale_id: model.text().nullable(),
  })
  .indexes([
    // Also the index of an order's commissions (order_id leads): a separate
    // order_id index cost every settled row one more index entry.
    {
      name: "IDX_distribution_commission_unique_line",
      on: ["order_id", "line_item_id", "distributor_id", "depth"],
      unique: true,
    },
    { name: "IDX_distribution_commission_distributor", on: ["distributor_id", "created_at"] },
    // The admin reports: every figure of a period, per currency.
    { name: "IDX_distribution_commission_currency_created", on: ["currency_code", "created_at"] },
    { name: "IDX_distribution_commission_sale", on: ["sale_id", "created_at"], where: "sale_id IS NOT NULL" },
    // No index names the status, the due date or the settlement time, so
    // settling a commission rewrites its row alone: the settlement's queue is
    // a table the database keeps beside this one (Migration20261207100000).
  ])

export default Commission
