import { model } from "@medusajs/framework/utils"
import { GROUP_BUY_STATUSES, GROUP_OVERFLOWS, GroupBuyStatus, GroupOverflow, SALE_COMMISSIONS, SaleCommission } from "../constants"

/**
 * A 拼团 activity: group prices per variant and currency (`prices`, amounts as
 * decimal strings in the major unit), the group size, how long an opened group
 * may take (capped at `ends_at`), per-order and per-customer limits (units),
 * `virtual_threshold` (paid members at expiry that let the group complete
 * virtually; null: never), the last-seat overflow rule, the commission policy
 * of its orders (the same three modes as a sale's) and an optional leader
 * bonus in basis points of the leader's own order line.
 */
const DistributionGroupBuy = model
  .define({ name: "distribution_group_buy", tableName: "distribution_group_buy" }, {
    id: model.id({ prefix: "dgb" }).primaryKey(),
    name: model.text(),
    status: model.enum(GROUP_BUY_STATUSES).default(GroupBuyStatus.ACTIVE),
    starts_at: model.dateTime(),
    ends_at: model.dateTime(),
    group_size: model.number(),
    time_limit_minutes: model.number(),
    reservation_minutes: model.number().default(15),
    per_order_limit: model.number().nullable(),
    per_customer_limit: model.number().nullable(),
    virtual_threshold: model.number().nullable(),
    overflow: model.enum(GROUP_OVERFLOWS).default(GroupOverflow.NEW_GROUP),
    commission_policy: model.enum(SALE_COMMISSIONS).default(SaleCommission.NORMAL),
    rate_bps_1: model.number().nullable(),
    rate_bps_2: model.number().nullable(),
    rate_bps_3: model.number().nullable(),
    leader_bonus_bps: model.number().nullable(),
    prices: model.json(),
    closed_at: model.dateTime().nullable(),
  })
  .indexes([{ name: "IDX_distribution_group_buy_window", on: ["status", "ends_at"], where: "deleted_at IS NULL" }])

export default DistributionGroupBuy
