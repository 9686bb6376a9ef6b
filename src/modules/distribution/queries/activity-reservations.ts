import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { ActivityKind, ReservationStatus } from "../constants"
import { quotaRef, quotaWhere } from "../utils/activity-quota"
import { newId } from "../utils/ids"

/**
 * The reservations of activity checkout (秒杀 flash sales, 拼团 group buys),
 * whatever the kind: each statement runs inside the caller's transaction.
 */

export type ReservationRow = {
  id: string
  activity_kind: ActivityKind
  activity_id: string
  variant_id: string
  customer_id: string
  quantity: number
  status: ReservationStatus
  expires_at: Date
  cart_id: string | null
  order_id: string | null
  consumed_at: Date | null
  released_at: Date | null
  release_reason: string | null
  created_at: Date
}

const COLUMNS = `id, activity_kind, activity_id, variant_id, customer_id, quantity, status, expires_at, cart_id, order_id,
  consumed_at, released_at, release_reason, created_at`

/** Serialises one customer's checkouts of one activity until the transaction ends. */
export async function lockBuyer(manager: EntityManager, kind: ActivityKind, activityId: string, customerId: string) {
  await manager.execute(`SELECT pg_advisory_xact_lock(hashtext(?))`, [`distribution-activity:${kind}:${activityId}:${customerId}`])
}

/** What the customer holds in the activity: reserved and consumed quantities. */
export async function heldByBuyer(manager: EntityManager, kind: ActivityKind, activityId: string, customerId: string): Promise<number> {
  const [row] = await manager.execute(
    `SELECT coalesce(sum(quantity), 0)::int AS held FROM distribution_activity_reservation
      WHERE activity_kind = ? AND activity_id = ? AND customer_id = ? AND status IN ('reserved', 'consumed') AND deleted_at IS NULL`,
    [kind, activityId, customerId]
  )
  return Number(row.held)
}

/** The customer's checkout of the activity still open at `now` (reserved, not expired), if any. */
export async function openReservation(
  manager: EntityManager,
  kind: ActivityKind,
  activityId: string,
  customerId: string,
  now: Date
): Promise<ReservationRow | null> {
  const [row]: ReservationRow[] = await manager.execute(
    `SELECT ${COLUMNS} FROM distribution_activity_reservation
      WHERE activity_kind = ? AND activity_id = ? AND customer_id = ? AND status = 'reserved' AND expires_at > ? AND deleted_at IS NULL
      ORDER BY created_at DESC LIMIT 1`,
    [kind, activityId, customerId, now]
  )
  return row ?? null
}

/**
 * Takes `quantity` of the (activity, variant)'s quota and writes the
 * reservation, in one statement: the quota's UPDATE matches only while
 * reserved + sold + quantity <= quota (the CHECK backs it), and the insert
 * reads its result, so no row means sold out and nothing was written.
 */
export async function takeQuota(
  manager: EntityManager,
  input: { kind: ActivityKind; activity_id: string; variant_id: string; customer_id: string; quantity: number; expires_at: Date }
): Promise<ReservationRow | null> {
  const ref = quotaRef(input.kind, input.activity_id, input.variant_id)
  const insert = `INSERT INTO distribution_activity_reservation (id, activity_kind, activity_id, variant_id, customer_id, quantity, status, expires_at)`
  const values = [
    newId("dares"),
    input.kind,
    input.activity_id,
    input.variant_id,
    input.customer_id,
    input.quantity,
    input.expires_at,
  ]
  if (!ref) {
    const [row]: ReservationRow[] = await manager.execute(`${insert} VALUES (?, ?, ?, ?, ?, ?, 'reserved', ?) RETURNING ${COLUMNS}`, values)
    return row
  }
  const where = quotaWhere(ref)
  const [row]: ReservationRow[] = await manager.execute(
    `WITH q AS (
       UPDATE "${ref.table}" SET reserved = reserved + ?, updated_at = now()
        WHERE ${where.sql} AND reserved + sold + ? <= quota
        RETURNING 1
     )
     ${insert}
     SELECT ?, ?, ?, ?, ?, ?, 'reserved', ? FROM q
     RETURNING ${COLUMNS}`,
    [input.quantity, ...where.params, input.quantity, ...values]
  )
  return row ?? null
}

/** What is left of the (activity, variant)'s quota, or null when it has none. */
export async function quotaLeft(manager: EntityManager, kind: ActivityKind, activityId: string, variantId: string): Promise<number | null> {
  const ref = quotaRef(kind, activityId, variantId)
  if (!ref) {
    return null
  }
  const where = quotaWhere(ref)
  const [row] = await manager.execute(`SELECT quota - reserved - sold AS left FROM "${ref.table}" WHERE ${where.sql}`, where.params)
  return row ? Number(row.left) : null
}

/** Moves a quantity between the quota's columns: reserved → sold, back to free, … */
async function moveQuota(manager: EntityManager, r: ReservationRow, change: { reserved?: number; sold?: number }) {
  const ref = quotaRef(r.activity_kind, r.activity_id, r.variant_id)
  if (!ref) {
    return
  }
  const where = quotaWhere(ref)
  await manager.execute(
    `UPDATE "${ref.table}" SET reserved = reserved + ?, sold = sold + ?, updated_at = now() WHERE ${where.sql}`,
    [change.reserved ?? 0, change.sold ?? 0, ...where.params]
  )
}

export async function setReservationCart(manager: EntityManager, id: string, cartId: string) {
  await manager.execute(`UPDATE distribution_activity_reservation SET cart_id = ?, updated_at = now() WHERE id = ?`, [cartId, id])
}

/**
 * Whether an order placed now could have a reservation to consume, or one it
 * consumed already (a replay still runs the kind's side): some reservation no
 * order holds yet, or one this order holds. Two index probes; in a store
 * with no activity checkout open, every order is answered "no" without reading
 * the order itself.
 */
export async function anyToConsumeFor(manager: EntityManager, orderId: string): Promise<boolean> {
  const [row]: { any: boolean }[] = await manager.execute(
    `SELECT EXISTS (SELECT 1 FROM distribution_activity_reservation WHERE deleted_at IS NULL AND order_id IS NULL)
         OR EXISTS (SELECT 1 FROM distribution_activity_reservation WHERE deleted_at IS NULL AND order_id = ?) AS any`,
    [orderId]
  )
  return row?.any === true
}

/** The reservation a cart was made for by activity checkout, if any (the cart's id is unique among them). */
export async function reservationOfCart(manager: EntityManager, cartId: string): Promise<ReservationRow | null> {
  const [row]: ReservationRow[] = await manager.execute(
    `SELECT ${COLUMNS} FROM distribution_activity_reservation WHERE cart_id = ? AND deleted_at IS NULL`,
    [cartId]
  )
  return row ?? null
}

export async function reservationById(manager: EntityManager, id: string, forUpdate = false): Promise<ReservationRow | null> {
  const [row]: ReservationRow[] = await manager.execute(
    `SELECT ${COLUMNS} FROM distribution_activity_reservation WHERE id = ? AND deleted_at IS NULL${forUpdate ? " FOR UPDATE" : ""}`,
    [id]
  )
  return row ?? null
}

export type ConsumeOutcome = { reservation: ReservationRow; changed: boolean; resold: boolean; oversold: boolean }

/**
 * The order placed from a reservation's cart consumes it: reserved → sold.
 * Idempotent by the order: a reservation already consumed by it changes
 * nothing. A reservation released meanwhile (it expired between the cart's
 * last check and the order) sells again from the quota when some is left;
 * when none is, it stays released and the outcome says oversold.
 */
export async function consumeReservation(manager: EntityManager, input: { id: string; order_id: string; now: Date }): Promise<ConsumeOutcome | null> {
  const current = await reservationById(manager, input.id, true)
  if (!current) {
    return null
  }
  if (current.status === ReservationStatus.CONSUMED || current.order_id) {
    return { reservation: current, changed: false, resold: false, oversold: false }
  }
  if (current.status === ReservationStatus.RESERVED) {
    await moveQuota(manager, current, { reserved: -current.quantity, sold: current.quantity })
  } else if (quotaRef(current.activity_kind, current.activity_id, current.variant_id)) {
    const ref = quotaRef(current.activity_kind, current.activity_id, current.variant_id)!
    const where = quotaWhere(ref)
    const resold = await manager.execute(
      `UPDATE "${ref.table}" SET sold = sold + ?, updated_at = now() WHERE ${where.sql} AND reserved + sold + ? <= quota RETURNING 1`,
      [current.quantity, ...where.params, current.quantity]
    )
    if (!resold.length) {
      await manager.execute(`UPDATE distribution_activity_reservation SET order_id = ?, updated_at = now() WHERE id = ?`, [input.order_id, current.id])
      return { reservation: { ...current, order_id: input.order_id }, changed: false, resold: false, oversold: true }
    }
  }
  const [row]: ReservationRow[] = await manager.execute(
    `UPDATE distribution_activity_reservation
        SET status = 'consumed', order_id = ?, consumed_at = ?, released_at = NULL, release_reason = NULL, updated_at = now()
      WHERE id = ? RETURNING ${COLUMNS}`,
    [input.order_id, input.now, current.id]
  )
  return { reservation: row, changed: true, resold: current.status === ReservationStatus.RELEASED, oversold: false }
}

/** A canceled order gives its reservations' quota back (consumed → released); a replay finds none to release. */
export async function giveBackOrder(manager: EntityManager, input: { order_id: string; now: Date }): Promise<ReservationRow[]> {
  const rows: ReservationRow[] = await manager.execute(
    `UPDATE distribution_activity_reservation
        SET status = 'released', released_at = ?, release_reason = 'order_canceled', updated_at = now()
      WHERE order_id = ? AND status = 'consumed' AND deleted_at IS NULL
      RETURNING ${COLUMNS}`,
    [input.now, input.order_id]
  )
  for (const r of rows) {
    await moveQuota(manager, r, { sold: -r.quantity })
  }
  return rows
}

/** Releases one open reservation (its checkout failed, or its buyer gave it up). */
export async function releaseReservation(manager: EntityManager, input: { id: string; now: Date; reason: string }): Promise<ReservationRow | null> {
  const [row]: ReservationRow[] = await manager.execute(
    `UPDATE distribution_activity_reservation
        SET status = 'released', released_at = ?, release_reason = ?, updated_at = now()
      WHERE id = ? AND status = 'reserved' AND deleted_at IS NULL
      RETURNING ${COLUMNS}`,
    [input.now, input.reason, input.id]
  )
  if (row) {
    await moveQuota(manager, row, { reserved: -row.quantity })
  }
  return row ?? null
}

/**
 * A cart being completed holds its reservation: one still reserved and not
 * expired at `now` is kept at least until `until` (a 拼团 seat with it), so a
 * release run cannot give the quota back while the order is being placed —
 * which would let that order and the quota's next buyer both have it. Null
 * when the reservation is no longer held (expired, released or consumed).
 */
export async function holdForCompletion(
  manager: EntityManager,
  input: { id: string; now: Date; until: Date }
): Promise<ReservationRow | null> {
  const [row]: ReservationRow[] = await manager.execute(
    `UPDATE distribution_activity_reservation SET expires_at = greatest(expires_at, ?), updated_at = now()
      WHERE id = ? AND status = 'reserved' AND expires_at > ? AND deleted_at IS NULL
      RETURNING ${COLUMNS}`,
    [input.until, input.id, input.now]
  )
  if (row?.activity_kind === ActivityKind.GROUP_BUY) {
    await manager.execute(
      `UPDATE distribution_group_member SET reservation_expires_at = greatest(reservation_expires_at, ?), updated_at = now()
        WHERE reservation_id = ? AND status = 'reserved' AND deleted_at IS NULL`,
      [input.until, row.id]
    )
  }
  return row ?? null
}

/**
 * Releases up to `limit` reservations expired by `now`, skipping the rows
 * another transaction holds (a consumption, another instance's run): each is
 * released once and its quota given back.
 */
export async function releaseExpired(manager: EntityManager, input: { now: Date; limit: number }): Promise<ReservationRow[]> {
  const rows: ReservationRow[] = await manager.execute(
    `UPDATE distribution_activity_reservation
        SET status = 'released', released_at = ?, release_reason = 'expired', updated_at = now()
      WHERE id IN (
        SELECT id FROM distribution_activity_reservation
         WHERE status = 'reserved' AND expires_at <= ? AND deleted_at IS NULL
         ORDER BY expires_at, id LIMIT ? FOR UPDATE SKIP LOCKED)
      RETURNING ${COLUMNS}`,
    [input.now, input.now, input.limit]
  )
  for (const r of rows) {
    await moveQuota(manager, r, { reserved: -r.quantity })
  }
  return rows
}
