import { model } from "@medusajs/framework/utils"
import { FLASH_SALE_STATUSES, FlashSaleStatus, SALE_COMMISSIONS, SaleCommission } from "../constants"

/**
 * A flash sale (秒杀): from `starts_on` to `ends_on` (dates, both included)
 * it sells in daily time slots of `time_zone` (`slots`: [{ start, end }] as
 * "HH:MM", each [start, end)), one item per order at its own price, under a
 * quota per variant (distribution_flash_sale_variant). A buyer reserves the
 * quota at checkout for `reservation_minutes` (distribution_activity_reservation).
 * Limits: `per_order_limit` items per order, `per_customer_limit` items per
 * customer over the whole sale (null: none). The commission policy is the
 * 限时折扣 sale's (normal / own rates / excluded). A closed sale is not reopened.
 */
const DistributionFlashSale = model
  .define({ name: "distribution_flash_sale", tableName: "distribution_flash_sale" }, {
    id: model.id({ prefix: "dflash" }).primaryKey(),
    name: model.text(),
    status: model.enum(FLASH_SALE_STATUSES).default(FlashSaleStatus.ACTIVE),
    starts_on: model.text(),
    ends_on: model.text(),
    time_zone: model.text(),
    slots: model.json(),
    per_order_limit: model.number().default(1),
    per_customer_limit: model.number().nullable(),
    reservation_minutes: model.number().default(15),
    allow_coupons: model.boolean().default(false),
    commission_policy: model.enum(SALE_COMMISSIONS).default(SaleCommission.NORMAL),
    rate_bps_1: model.number().nullable(),
    rate_bps_2: model.number().nullable(),
    rate_bps_3: model.number().nullable(),
    closed_at: model.dateTime().nullable(),
  })
  .indexes([{ name: "IDX_distribution_flash_sale_dates", on: ["ends_on", "starts_on"], where: "deleted_at IS NULL" }])

export default DistributionFlashSale
