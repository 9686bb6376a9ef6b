import { model } from "@medusajs/framework/utils"

/**
 * One order that used a distributor's coupon, recorded when the order is
 * credited (unique per order, so a replay records nothing twice): the coupon's
 * uses, sales and commission are read from these rows and the commissions of
 * the same orders. `sales_amount` is the order's lines after discounts, before
 * tax and shipping (the commission base), in the order's currency.
 */
const DistributorCouponUse = model
  .define({ name: "distributor_coupon_use", tableName: "distribution_coupon_use" }, {
    id: model.id({ prefix: "dcpu" }).primaryKey(),
    coupon_id: model.text(),
    distributor_id: model.text(),
    order_id: model.text(),
    customer_id: model.text().nullable(),
    sales_amount: model.bigNumber(),
    currency_code: model.text(),
  })
  .indexes([
    { name: "IDX_distribution_coupon_use_order_unique", on: ["order_id"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_distribution_coupon_use_coupon", on: ["coupon_id", "created_at"], where: "deleted_at IS NULL" },
  ])

export default DistributorCouponUse
