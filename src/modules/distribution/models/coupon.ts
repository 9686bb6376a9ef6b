import { model } from "@medusajs/framework/utils"
import { COUPON_COMMISSIONS, COUPON_SOURCES, COUPON_STATUSES, CouponStatus } from "../constants"

/**
 * A distributor's coupon: a real Medusa promotion (cloned from the programme's
 * template, code = the distributor's referral code or prefix + code) that the
 * distributor owns. Medusa applies the discount; the plugin attributes the
 * orders that used it (one indexed read by promotion_id when an order is
 * credited). One coupon per distributor. `commission_policy` null follows the
 * programme's `coupon_commission`; "rates" pays `rate_bps_<depth>`.
 */
const DistributorCoupon = model
  .define({ name: "distributor_coupon", tableName: "distribution_coupon" }, {
    id: model.id({ prefix: "dcpn" }).primaryKey(),
    distributor_id: model.text(),
    promotion_id: model.text(),
    code: model.text(),
    source: model.enum(COUPON_SOURCES),
    status: model.enum(COUPON_STATUSES).default(CouponStatus.ACTIVE),
    commission_policy: model.enum(COUPON_COMMISSIONS).nullable(),
    rate_bps_1: model.number().nullable(),
    rate_bps_2: model.number().nullable(),
    rate_bps_3: model.number().nullable(),
  })
  .indexes([
    { name: "IDX_distribution_coupon_promotion_unique", on: ["promotion_id"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_distribution_coupon_distributor_unique", on: ["distributor_id"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_distribution_coupon_code_unique", on: ["code"], unique: true, where: "deleted_at IS NULL" },
  ])

export default DistributorCoupon
