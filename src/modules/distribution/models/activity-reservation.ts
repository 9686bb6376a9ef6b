import { model } from "@medusajs/framework/utils"
import { ACTIVITY_KINDS, RESERVATION_STATUSES, ReservationStatus } from "../constants"

/**
 * A seat or quota an activity's buyer holds (秒杀 flash sale, 拼团 group buy),
 * shared by every kind of activity: taken at checkout with the activity's
 * quota in one statement, until `expires_at`; consumed by the order placed
 * from its cart, released when it expires or that order is canceled.
 */
const DistributionActivityReservation = model
  .define({ name: "distribution_activity_reservation", tableName: "distribution_activity_reservation" }, {
    id: model.id({ prefix: "dares" }).primaryKey(),
    activity_kind: model.enum(ACTIVITY_KINDS),
    activity_id: model.text(),
    variant_id: model.text(),
    customer_id: model.text(),
    quantity: model.number(),
    status: model.enum(RESERVATION_STATUSES).default(ReservationStatus.RESERVED),
    expires_at: model.dateTime(),
    cart_id: model.text().nullable(),
    order_id: model.text().nullable(),
    consumed_at: model.dateTime().nullable(),
    released_at: model.dateTime().nullable(),
    release_reason: model.text().nullable(),
  })
  .indexes([
    { name: "IDX_distribution_activity_reservation_buyer", on: ["activity_kind", "activity_id", "customer_id"], where: "deleted_at IS NULL" },
    { name: "IDX_distribution_activity_reservation_expiry", on: ["expires_at"], where: "deleted_at IS NULL AND status = 'reserved'" },
    { name: "IDX_distribution_activity_reservation_cart", on: ["cart_id"], unique: true, where: "deleted_at IS NULL AND cart_id IS NOT NULL" },
    { name: "IDX_distribution_activity_reservation_order", on: ["order_id"], where: "deleted_at IS NULL AND order_id IS NOT NULL" },
    // The reservations no order has consumed yet: whether any exists is what every
    // order.placed asks first (queries/activity-reservations anyToConsumeFor).
    { name: "IDX_distribution_activity_reservation_unconsumed", on: ["id"], where: "deleted_at IS NULL AND order_id IS NULL" },
  ])

export default DistributionActivityReservation
