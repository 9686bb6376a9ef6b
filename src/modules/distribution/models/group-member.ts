import { model } from "@medusajs/framework/utils"
import { GROUP_MEMBER_STATUSES, GROUP_REFUND_STATUSES, GroupMemberStatus } from "../constants"

/**
 * A buyer's seat in a group, taken with the shared activity reservation of
 * its checkout (whose cart it is), then the paid member (its order, unique) and, when the group
 * fails, the refund state of its order that reconcile checks.
 */
const DistributionGroupMember = model
  .define({ name: "distribution_group_member", tableName: "distribution_group_member" }, {
    id: model.id({ prefix: "dgmem" }).primaryKey(),
    /** The shared activity reservation (distribution_activity_reservation) this seat was taken with. */
    reservation_id: model.text(),
    group_id: model.text(),
    group_buy_id: model.text(),
    customer_id: model.text(),
    is_leader: model.boolean().default(false),
    /** The group asked for had no seat left: this buyer leads a new group instead. */
    overflowed: model.boolean().default(false),
    variant_id: model.text(),
    quantity: model.number(),
    unit_price: model.text(),
    currency_code: model.text(),
    status: model.enum(GROUP_MEMBER_STATUSES).default(GroupMemberStatus.RESERVED),
    order_id: model.text().nullable(),
    reservation_expires_at: model.dateTime(),
    paid_at: model.dateTime().nullable(),
    refund_status: model.enum(GROUP_REFUND_STATUSES).nullable(),
    refund_error: model.text().nullable(),
  })
  .indexes([
    { name: "IDX_distribution_group_member_order", on: ["order_id"], unique: true, where: "deleted_at IS NULL AND order_id IS NOT NULL" },
    { name: "IDX_distribution_group_member_reservation", on: ["reservation_id"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_distribution_group_member_group", on: ["group_id"], where: "deleted_at IS NULL" },
    { name: "IDX_distribution_group_member_customer", on: ["group_buy_id", "customer_id"], where: "deleted_at IS NULL" },
    { name: "IDX_distribution_group_member_expiry", on: ["reservation_expires_at"], where: "deleted_at IS NULL AND status = 'reserved'" },
  ])

export default DistributionGroupMember
