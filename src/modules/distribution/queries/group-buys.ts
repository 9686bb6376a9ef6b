import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { GroupRefundStatus } from "../constants"
import { pgTextArray } from "../utils/sql"
import { newId } from "../utils/ids"

/**
 * 拼团 seats and groups. Every seat is taken by one conditional statement
 * (backed by the group's CHECK), every transition of a group is a conditional
 * UPDATE on its status, and the jobs claim rows with SKIP LOCKED: two
 * instances running the same job never move one group or member twice.
 */

export type GroupRow = {
  id: string
  group_buy_id: string
  leader_customer_id: string
  status: string
  size: number
  reserved: number
  paid: number
  virtual_count: number
  currency_code: string
  opened_at: Date | null
  expires_at: Date | null
  succeeded_at: Date | null
  failed_at: Date | null
  leader_bonus_entry_id: string | null
}

export type MemberRow = {
  id: string
  reservation_id: string
  overflowed: boolean
  group_id: string
  group_buy_id: string
  customer_id: string
  is_leader: boolean
  variant_id: string
  quantity: number
  unit_price: string
  currency_code: string
  status: string
  order_id: string | null
  reservation_expires_at: Date
  paid_at: Date | null
  refund_status: string | null
  refund_error: string | null
}

/**
 * Takes a seat in an open group, in one statement: only while the group is
 * open, not expired and not full. Null when the seat is gone (the last-seat
 * race's losers).
 */
export async function takeSeat(manager: EntityManager, input: { group_id: string; group_buy_id: string; now: Date }): Promise<GroupRow | null> {
  const [row]: GroupRow[] = await manager.execute(
    `UPDATE distribution_group SET reserved = reserved + 1, updated_at = now()
      WHERE id = ? AND group_buy_id = ? AND status = 'open' AND expires_at > ? AND reserved + paid < size AND deleted_at IS NULL
      RETURNING *`,
    [input.group_id, input.group_buy_id, input.now]
  )
  return row ?? null
}

/** A new group whose one reserved seat is its leader's: it opens when the leader pays. */
export async function insertGroup(
  manager: EntityManager,
  input: { group_buy_id: string; leader_customer_id: string; size: number; currency_code: string }
): Promise<GroupRow> {
  const [row]: GroupRow[] = await manager.execute(
    `INSERT INTO distribution_group (id, group_buy_id, leader_customer_id, status, size, reserved, paid, currency_code)
     VALUES (?, ?, ?, 'forming', ?, 1, 0, ?) RETURNING *`,
    [newId("dgrp"), input.group_buy_id, input.leader_customer_id, input.size, input.currency_code]
  )
  return row
}

export async function insertMember(
  manager: EntityManager,
  input: Omit<MemberRow, "id" | "status" | "order_id" | "paid_at" | "refund_status" | "refund_error">
): Promise<MemberRow> {
  const [row]: MemberRow[] = await manager.execute(
    `INSERT INTO distribution_group_member
       (id, reservation_id, group_id, group_buy_id, customer_id, is_leader, overflowed, variant_id, quantity, unit_price, currency_code, status, reservation_expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'reserved', ?) RETURNING *`,
    [
      newId("dgmem"),
      input.reservation_id,
      input.group_id,
      input.group_buy_id,
      input.customer_id,
      input.is_leader,
      input.overflowed,
      input.variant_id,
      input.quantity,
      input.unit_price,
      input.currency_code,
      input.reservation_expires_at,
    ]
  )
  return row
}

export async function memberByReservation(manager: EntityManager, reservationId: string): Promise<MemberRow | null> {
  const [row]: MemberRow[] = await manager.execute(
    `SELECT * FROM distribution_group_member WHERE reservation_id = ? AND deleted_at IS NULL`,
    [reservationId]
  )
  return row ?? null
}

/**
 * Releases reserved seats (the ones given, or every reservation past its
 * deadline, claimed with SKIP LOCKED): the seat goes back to its group, and a
 * forming group whose leader let the reservation lapse is abandoned.
 */
export async function releaseReservations(
  manager: EntityManager,
  input: { member_ids?: string[]; now: Date; limit: number }
): Promise<{ member_id: string; group_id: string }[]> {
  const byIds = !!input.member_ids
  const released: { member_id: string; group_id: string; is_leader: boolean }[] = await manager.execute(
    `WITH due AS (
       SELECT id FROM distribution_group_member
        WHERE status = 'reserved' AND deleted_at IS NULL
          AND ${byIds ? "id = ANY(?::text[])" : "reservation_expires_at <= ?"}
        ORDER BY id
        LIMIT ? FOR UPDATE SKIP LOCKED
     )
     UPDATE distribution_group_member m SET status = 'released', updated_at = now()
       FROM due WHERE m.id = due.id
     RETURNING m.id AS member_id, m.group_id, m.is_leader`,
    [byIds ? `{${input.member_ids!.join(",")}}` : input.now, input.limit]
  )
  const perGroup = new Map<string, { n: number; leader: boolean }>()
  for (const r of released) {
    const g = perGroup.get(r.group_id) ?? { n: 0, leader: false }
    perGroup.set(r.group_id, { n: g.n + 1, leader: g.leader || r.is_leader })
  }
  for (const [groupId, { n, leader }] of [...perGroup.entries()].sort()) {
    await manager.execute(
      `UPDATE distribution_group SET reserved = reserved - ?,
              status = CASE WHEN status = 'forming' AND ? THEN 'abandoned' ELSE status END, updated_at = now()
        WHERE id = ?`,
      [n, leader, groupId]
    )
  }
  return released.map(({ member_id, group_id }) => ({ member_id, group_id }))
}

export async function memberByOrder(manager: EntityManager, orderId: string): Promise<(MemberRow & { group_status: string; group_buy_name: string }) | null> {
  const [row]: (MemberRow & { group_status: string; group_buy_name: string })[] = await manager.execute(
    `SELECT m.*, g.status AS group_status, gb.name AS group_buy_name
       FROM distribution_group_member m
       JOIN distribution_group g ON g.id = m.group_id
       JOIN distribution_group_buy gb ON gb.id = m.group_buy_id
      WHERE m.order_id = ? AND m.deleted_at IS NULL`,
    [orderId]
  )
  return row ?? null
}

/** Locks a group's row for a transition; null when there is none. */
export async function lockGroup(manager: EntityManager, groupId: string): Promise<GroupRow | null> {
  const [row]: GroupRow[] = await manager.execute(`SELECT * FROM distribution_group WHERE id = ? AND deleted_at IS NULL FOR UPDATE`, [groupId])
  return row ?? null
}

/** A reserved seat becomes a paid member, once: a replayed order.placed finds it paid and changes nothing. */
export async function markPaid(manager: EntityManager, input: { member_id: string; order_id: string; now: Date }): Promise<MemberRow | null> {
  const [row]: MemberRow[] = await manager.execute(
    `UPDATE distribution_group_member SET status = 'paid', order_id = ?, paid_at = ?, updated_at = now()
      WHERE id = ? AND status = 'reserved' RETURNING *`,
    [input.order_id, input.now, input.member_id]
  )
  return row ?? null
}

/**
 * A member whose order was placed after the seat was released (a reservation
 * lapsing in the instant its cart completed): the order is recorded and its
 * refund queued, since the seat may belong to someone else by now.
 */
export async function markLatePayment(manager: EntityManager, input: { member_id: string; order_id: string; now: Date }): Promise<MemberRow | null> {
  const [row]: MemberRow[] = await manager.execute(
    `UPDATE distribution_group_member SET order_id = ?, paid_at = ?, refund_status = 'pending', updated_at = now()
      WHERE id = ? AND status = 'released' AND order_id IS NULL RETURNING *`,
    [input.order_id, input.now, input.member_id]
  )
  return row ?? null
}

export async function updateGroup(manager: EntityManager, groupId: string, fields: Partial<GroupRow>): Promise<GroupRow> {
  const keys = Object.keys(fields)
  const [row]: GroupRow[] = await manager.execute(
    `UPDATE distribution_group SET ${keys.map((k) => `"${k}" = ?`).join(", ")}, updated_at = now() WHERE id = ? RETURNING *`,
    [...keys.map((k) => (fields as Record<string, unknown>)[k]), groupId]
  )
  return row
}

/**
 * Seats out of step with their activity reservations, which a crash between
 * the reservation's change and the kind's hook leaves behind: reserved seats
 * whose reservation was released (to release), and reserved seats whose
 * reservation an order consumed (to pay). Claimed with SKIP LOCKED.
 */
export async function seatsOutOfStep(manager: EntityManager, limit: number): Promise<{ released: string[]; consumed: { reservation_id: string; order_id: string }[] }> {
  const rows: { id: string; reservation_id: string; r_status: string; order_id: string | null }[] = await manager.execute(
    `SELECT m.id, m.reservation_id, r.status AS r_status, r.order_id
       FROM distribution_group_member m
       JOIN distribution_activity_reservation r ON r.id = m.reservation_id
      WHERE m.status = 'reserved' AND m.deleted_at IS NULL AND r.status IN ('released', 'consumed')
        AND r.updated_at < now() - interval '1 minute'
      ORDER BY m.id LIMIT ? FOR UPDATE OF m SKIP LOCKED`,
    [limit]
  )
  return {
    released: rows.filter((r) => r.r_status === "released").map((r) => r.id),
    consumed: rows.filter((r) => r.r_status === "consumed" && r.order_id).map((r) => ({ reservation_id: r.reservation_id, order_id: r.order_id! })),
  }
}

/** Open groups past their deadline, claimed for this transaction (another instance skips them). */
export async function claimExpiredGroups(manager: EntityManager, now: Date, limit: number): Promise<GroupRow[]> {
  return await manager.execute(
    `SELECT * FROM distribution_group
      WHERE status = 'open' AND expires_at <= ? AND deleted_at IS NULL
      ORDER BY expires_at, id LIMIT ? FOR UPDATE SKIP LOCKED`,
    [now, limit]
  )
}

/** A failed group: its paid members' refunds are due, its reserved seats are released. */
export async function queueRefunds(manager: EntityManager, groupId: string): Promise<void> {
  await manager.execute(
    `UPDATE distribution_group_member SET refund_status = 'pending', updated_at = now()
      WHERE group_id = ? AND status = 'paid' AND refund_status IS NULL`,
    [groupId]
  )
}

/** Releases a closed group's unpaid seats; answers their activity reservations (to release with them). */
export async function releaseGroupReservations(manager: EntityManager, groupId: string): Promise<string[]> {
  const rows: { reservation_id: string }[] = await manager.execute(
    `UPDATE distribution_group_member SET status = 'released', updated_at = now() WHERE group_id = ? AND status = 'reserved' RETURNING reservation_id`,
    [groupId]
  )
  return rows.map((r) => r.reservation_id)
}

/** How long a refund may sit `pending` or `refunding` before it counts as stuck (its instance died mid-way). */
export const REFUND_STUCK_AFTER = "10 minutes"

/**
 * Claims one due refund (another instance skips it): pending → refunding. A
 * refund left `refunding` for ten minutes (its instance died mid-way) is due
 * again: cancelling an order twice is refused by Medusa and counted as done.
 * `member_ids` narrows the claim to those members (reconcile's retries).
 */
export async function claimRefund(manager: EntityManager, input: { group_id?: string; member_ids?: string[] }): Promise<MemberRow | null> {
  const params: unknown[] = []
  if (input.group_id) params.push(input.group_id)
  if (input.member_ids) params.push(pgTextArray(input.member_ids))
  const [row]: MemberRow[] = await manager.execute(
    `UPDATE distribution_group_member m SET refund_status = 'refunding', updated_at = now()
      WHERE m.id = (
        SELECT id FROM distribution_group_member
         WHERE (refund_status = 'pending' OR (refund_status = 'refunding' AND updated_at < now() - interval '${REFUND_STUCK_AFTER}'))
           AND order_id IS NOT NULL AND deleted_at IS NULL ${input.group_id ? "AND group_id = ?" : ""}
           ${input.member_ids ? "AND id = ANY(?::text[])" : ""}
         ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
     RETURNING m.*`,
    params
  )
  return row ?? null
}

/** Why reconcile retries a member's refund. */
export type UnfinishedRefund = {
  id: string
  group_id: string
  group_buy_id: string
  order_id: string
  /** pending / refunding: stuck past REFUND_STUCK_AFTER; failed: the last attempt failed; unqueued: a failed group's paid member never queued; refunded: to check against its order. */
  state: "pending" | "refunding" | "failed" | "unqueued" | "refunded"
}

/**
 * The members whose refund a crash or an error left unfinished (stuck
 * pending or refunding, failed, or a failed group's paid member never
 * queued), and the members marked refunded in [from, to) — whose orders
 * reconcile checks are canceled. Late payers (their seat was released) are
 * among them: their refunds are the same.
 */
export async function unfinishedRefunds(manager: EntityManager, input: { refunded_from: Date; refunded_to: Date; limit: number }): Promise<UnfinishedRefund[]> {
  return await manager.execute(
    `SELECT m.id, m.group_id, m.group_buy_id, m.order_id,
            CASE WHEN m.refund_status IS NULL THEN 'unqueued' ELSE m.refund_status END AS state
       FROM distribution_group_member m
       JOIN distribution_group g ON g.id = m.group_id
      WHERE m.deleted_at IS NULL AND m.order_id IS NOT NULL
        AND ((m.refund_status IN ('pending', 'refunding') AND m.updated_at < now() - interval '${REFUND_STUCK_AFTER}')
          OR m.refund_status = 'failed'
          OR (m.refund_status IS NULL AND m.status = 'paid' AND g.status = 'failed')
          OR (m.refund_status = 'refunded' AND m.updated_at >= ? AND m.updated_at < ?))
      ORDER BY m.group_id, m.id LIMIT ?`,
    [input.refunded_from, input.refunded_to, input.limit]
  )
}

/**
 * Queues the members' refunds again (→ pending), each only while it is still
 * in the state reconcile found it in: a member another run or the minute job
 * moved meanwhile is left to it. Answers the members queued.
 */
export async function requeueRefunds(manager: EntityManager, members: { id: string; state: UnfinishedRefund["state"] }[]): Promise<string[]> {
  if (!members.length) {
    return []
  }
  const rows: { id: string }[] = await manager.execute(
    `UPDATE distribution_group_member m SET refund_status = 'pending', refund_error = NULL, updated_at = now()
       FROM (SELECT unnest(?::text[]) AS id, unnest(?::text[]) AS state) seen
      WHERE m.id = seen.id AND m.deleted_at IS NULL
        AND CASE seen.state
              WHEN 'unqueued' THEN m.refund_status IS NULL
              WHEN 'failed' THEN m.refund_status = 'failed'
              WHEN 'refunded' THEN m.refund_status = 'refunded'
              ELSE m.refund_status = seen.state AND m.updated_at < now() - interval '${REFUND_STUCK_AFTER}'
            END
     RETURNING m.id`,
    [pgTextArray(members.map((m) => m.id)), pgTextArray(members.map((m) => m.state))]
  )
  return rows.map((r) => r.id)
}

export async function finishRefund(
  manager: EntityManager,
  input: { member_id: string; status: typeof GroupRefundStatus.REFUNDED | typeof GroupRefundStatus.FAILED; error?: string | null }
): Promise<void> {
  await manager.execute(
    `UPDATE distribution_group_member SET refund_status = ?, refund_error = ?, updated_at = now() WHERE id = ? AND refund_status = 'refunding'`,
    [input.status, input.error ?? null, input.member_id]
  )
}

/** A paid member whose order was canceled while the group was still open gives the seat back. */
export async function cancelOpenMember(manager: EntityManager, orderId: string): Promise<MemberRow | null> {
  const [row]: MemberRow[] = await manager.execute(
    `UPDATE distribution_group_member m SET status = 'canceled', updated_at = now()
       FROM distribution_group g
      WHERE m.order_id = ? AND m.status = 'paid' AND m.refund_status IS NULL AND g.id = m.group_id AND g.status = 'open'
     RETURNING m.*`,
    [orderId]
  )
  if (row) {
    await manager.execute(`UPDATE distribution_group SET paid = paid - 1, updated_at = now() WHERE id = ?`, [row.group_id])
  }
  return row ?? null
}

export type GroupBuyReport = {
  opened: number
  succeeded: number
  failed: number
  virtual: number
  open: number
  gmv: { currency_code: string; amount: string }[]
  refunds: { currency_code: string; amount: string; pending: number; failed: number }[]
}

export type GroupCounts = { opened: number; succeeded: number; failed: number; virtual: number; open: number }

/** Activities' groups by outcome, by activity (an activity without groups counts zeros). */
export async function groupCounts(manager: EntityManager, groupBuyIds: string[]): Promise<Map<string, GroupCounts>> {
  const rows: Record<string, string>[] = groupBuyIds.length
    ? await manager.execute(
        `SELECT group_buy_id,
                count(*) FILTER (WHERE status IN ('open', 'succeeded', 'failed'))::text AS opened,
                count(*) FILTER (WHERE status = 'succeeded')::text AS succeeded,
                count(*) FILTER (WHERE status = 'failed')::text AS failed,
                count(*) FILTER (WHERE status = 'succeeded' AND virtual_count > 0)::text AS virtual,
                count(*) FILTER (WHERE status = 'open')::text AS open
           FROM distribution_group WHERE group_buy_id = ANY(?::text[]) AND deleted_at IS NULL
          GROUP BY group_buy_id`,
        [pgTextArray(groupBuyIds)]
      )
    : []
  const byId = new Map(rows.map((r) => [r.group_buy_id, r]))
  return new Map(
    groupBuyIds.map((id) => {
      const r = byId.get(id)
      const n = (k: string) => Number(r?.[k] ?? 0)
      return [id, { opened: n("opened"), succeeded: n("succeeded"), failed: n("failed"), virtual: n("virtual"), open: n("open") }]
    })
  )
}

/** An activity's figures: groups by outcome, the paid members' GMV and what failed groups refunded. */
export async function groupBuyReport(manager: EntityManager, groupBuyId: string): Promise<GroupBuyReport> {
  const counts = (await groupCounts(manager, [groupBuyId])).get(groupBuyId)!
  const gmv: { currency_code: string; amount: string }[] = await manager.execute(
    `SELECT currency_code, sum(unit_price::numeric * quantity)::text AS amount FROM distribution_group_member
      WHERE group_buy_id = ? AND status = 'paid' AND refund_status IS NULL AND deleted_at IS NULL
      GROUP BY currency_code ORDER BY currency_code`,
    [groupBuyId]
  )
  const refunds: { currency_code: string; amount: string; pending: string; failed: string }[] = await manager.execute(
    `SELECT currency_code,
            coalesce(sum(unit_price::numeric * quantity) FILTER (WHERE refund_status = 'refunded'), 0)::text AS amount,
            count(*) FILTER (WHERE refund_status IN ('pending', 'refunding'))::text AS pending,
            count(*) FILTER (WHERE refund_status = 'failed')::text AS failed
       FROM distribution_group_member
      WHERE group_buy_id = ? AND refund_status IS NOT NULL AND deleted_at IS NULL
      GROUP BY currency_code ORDER BY currency_code`,
    [groupBuyId]
  )
  return {
    ...counts,
    gmv,
    refunds: refunds.map((r) => ({ ...r, pending: Number(r.pending), failed: Number(r.failed) })),
  }
}
