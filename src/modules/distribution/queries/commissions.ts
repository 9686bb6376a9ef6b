import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { CommissionStatus, LedgerKind } from "../constants"
import { ledgerInsertSql, newLedgerIds, WrittenLedgerEntry } from "./ledger"
import { CommissionRow, NewCommission } from "../types"
import { CommissionRuleLike } from "../utils/rate-resolution"
import { pgTextArray, rawAmount } from "../utils/sql"
import { newId } from "../utils/ids"

/**
 * Commission rows: one per order line, distributor and depth (a unique key, so
 * a replayed credit writes nothing), pending until due, then settled; the
 * reversed amount is cumulative and absolute.
 */

const COMMISSION_ROW_COLUMNS = `id, line_item_id, distributor_id, currency_code, status, quantity,
  amount::text AS amount, reversed_amount::text AS reversed_amount, base_amount::text AS base_amount`

/** Inserts an order's commissions; only the rows this call wrote are returned. */
export async function insertCommissions(
  manager: EntityManager,
  rows: NewCommission[]
): Promise<{ id: string; amount: string }[]> {
  const values: unknown[] = []
  const tuples = rows.map((r) => {
    values.push(
      newId("dcom"),
      r.order_id,
      r.line_item_id,
      r.distributor_id,
      r.buyer_customer_id,
      r.depth,
      r.attribution,
      r.product_id,
      r.variant_id,
      r.quantity,
      r.base_amount,
      rawAmount(r.base_amount),
      r.rate_bps,
      r.rate_source,
      r.rule_id,
      r.amount,
      rawAmount(r.amount),
      r.currency_code,
      r.sale_id ?? null
    )
    return "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?::jsonb, ?, ?)"
  })
  return await manager.execute(
    `INSERT INTO distribution_commission (id, order_id, line_item_id, distributor_id,
       buyer_customer_id, depth, attribution, product_id, variant_id, quantity,
       base_amount, raw_base_amount, rate_bps, rate_source, rule_id, amount, raw_amount,
       currency_code, sale_id)
     VALUES ${tuples.join(", ")}
     ON CONFLICT (order_id, line_item_id, distributor_id, depth) WHERE deleted_at IS NULL
     DO NOTHING RETURNING id, amount::text AS amount`,
    values
  )
}

export async function deletePendingCommissions(manager: EntityManager, ids: string[]): Promise<void> {
  await manager.execute(`DELETE FROM distribution_commission WHERE id = ANY(?::text[]) AND status = ?`, [
    pgTextArray(ids),
    CommissionStatus.PENDING,
  ])
}

/** Dates an order's pending commissions' freeze period from `eligible_at`, unless one is dated earlier; how many changed. */
export async function markEligible(
  manager: EntityManager,
  input: { order_id: string; eligible_at: Date }
): Promise<number> {
  const rows = await manager.execute(
    `UPDATE distribution_commission SET eligible_at = ?, updated_at = now()
      WHERE order_id = ? AND status = ? AND deleted_at IS NULL
        AND (eligible_at IS NULL OR eligible_at > ?)
      RETURNING id`,
    [input.eligible_at, input.order_id, CommissionStatus.PENDING, input.eligible_at]
  )
  return rows.length
}

/**
 * Claims due pending commissions whose distributor is not suspended, locking
 * the commissions themselves (SKIP LOCKED, so several workers settle side by
 * side; the status and date are checked again on the locked row), marks them
 * settled and books what each is still worth (amount − reversed, when more
 * than nothing) as a commission_settled entry, in one statement: the ledger
 * entries it wrote (a replayed settlement's entry is not written again).
 *
 * Which: the commissions named by `ids` that are still due (a slice of
 * dueInEarnerOrder's list, which is how the job settles; read by id, without
 * the queue, whose held flag only caches the earner check), else the `limit`
 * first in due order from the queue the database keeps beside the commissions
 * (`distribution_commission_due`, Migration20261207100000).
 */
export async function settleDue(
  manager: EntityManager,
  input: { now: Date; limit: number; ids?: string[] }
): Promise<WrittenLedgerEntry[]> {
  const ids = input.ids
  const dueNow = `distribution_commission_is_due(c.status, c.eligible_at, c.deleted_at) AND c.eligible_at <= ?`
  // The earner is asked row by row, by the definition the queue's triggers use
  // (distribution_earner_is_suspended, Migration20261207100000: a probe of the
  // small index of suspended distributors; a join would read every suspended
  // distributor to answer for a thousand commissions).
  const claim = ids
    ? `SELECT c.id FROM distribution_commission c
        WHERE c.id = ANY(?::text[]) AND ${dueNow} AND NOT distribution_earner_is_suspended(c.distributor_id)
        ORDER BY c.distributor_id, c.currency_code, c.id FOR UPDATE OF c SKIP LOCKED`
    : `SELECT c.id FROM distribution_commission_due q JOIN distribution_commission c ON c.id = q.commission_id
        WHERE NOT q.held AND q.eligible_at <= ? AND ${dueNow} AND NOT distribution_earner_is_suspended(q.distributor_id)
        ORDER BY q.eligible_at LIMIT ? FOR UPDATE OF c SKIP LOCKED`
  return await manager.execute(
    `WITH due AS (
       ${claim}
     ), settled AS (
       UPDATE distribution_commission c
          SET status = ?, settled_at = ?, updated_at = now()
         FROM due WHERE c.id = due.id
       RETURNING c.id, c.distributor_id, c.currency_code, (c.amount - c.reversed_amount) AS net
     ), entries AS (
       SELECT (?::text[])[row_number() OVER ()] AS id, distributor_id, currency_code, ?::text AS kind,
              net::text AS amount, 'commission'::text AS reference_type, id AS reference_id,
              NULL::text AS reason, NULL::text AS actor_id
         FROM settled WHERE net > 0
     )
     ${ledgerInsertSql("entries")}`,
    [
      ...(ids ? [pgTextArray(ids), input.now] : [input.now, input.now, input.limit]),
      CommissionStatus.SETTLED,
      input.now,
      newLedgerIds(ids?.length ?? input.limit),
      LedgerKind.COMMISSION_SETTLED,
    ]
  )
}

/**
 * The `limit` first due commissions in due order (oldest first, held ones
 * not), listed by earner: what the settlement job settles next, slice by
 * slice. A slice of earners next to each other changes their wallets, kept
 * totals and ledger index entries next to each other, where due order pays
 * earners all over those tables (at a million distributors a settlement in
 * due order changed about three pages nobody else in its run did per
 * commission; see bench/README.md). Read from the queue alone, which carries
 * each commission's earner and currency (Migration20261208200000). Whether
 * each is still due and its earner not suspended is decided when it is
 * settled (settleDue).
 */
export async function dueInEarnerOrder(manager: EntityManager, input: { now: Date; limit: number }): Promise<string[]> {
  const rows: { id: string }[] = await manager.execute(
    `SELECT commission_id AS id FROM (
       SELECT q.commission_id, q.distributor_id, q.currency_code FROM distribution_commission_due q
        WHERE NOT q.held AND q.eligible_at <= ?
        ORDER BY q.eligible_at LIMIT ?
     ) due ORDER BY distributor_id, currency_code, commission_id`,
    [input.now, input.limit]
  )
  return rows.map((r) => r.id)
}

/**
 * Releases queued commissions marked held whose earner is no longer suspended:
 * a reinstatement releases its earner's queue in its own transaction, but a
 * commission that became due while the reinstatement was being written can
 * still be queued held (it read the earner before the reinstatement was
 * committed). The settlement job runs this once per run, before its batches;
 * it reads the held rows alone (a partial index) and asks for each whether
 * its earner is still suspended; only a commission to release is read, locked
 * first as every writer of the queue does, and skipped when another
 * transaction holds it. How many it released.
 */
export async function releaseHeld(manager: EntityManager): Promise<number> {
  const rows = await manager.execute(
    `WITH stale AS (
       SELECT c.id FROM distribution_commission_due q
         JOIN distribution_commission c ON c.id = q.commission_id
        WHERE q.held AND NOT distribution_earner_is_suspended(q.distributor_id)
        FOR UPDATE OF c SKIP LOCKED
     )
     UPDATE distribution_commission_due q SET held = false FROM stale WHERE q.commission_id = stale.id
     RETURNING q.commission_id`
  )
  return rows.length
}

/**
 * Of these orders, those with commissions, and for each whether some are not
 * wholly reversed (open), whether a pending one has no due date yet, and the
 * units each line was credited for.
 */
export async function orderCommissionStates(
  manager: EntityManager,
  orderIds: string[]
): Promise<Map<string, OrderCommissionState>> {
  const rows: (OrderCommissionState & { order_id: string })[] = await manager.execute(
    `SELECT order_id, bool_or(status <> ?) AS open, bool_or(status = ? AND eligible_at IS NULL) AS unmarked,
            jsonb_object_agg(line_item_id, quantity) AS credited_quantities
       FROM distribution_commission WHERE order_id = ANY(?::text[]) AND deleted_at IS NULL GROUP BY order_id`,
    [CommissionStatus.REVERSED, CommissionStatus.PENDING, pgTextArray(orderIds)]
  )
  return new Map(
    rows.map((r) => [r.order_id, { open: r.open, unmarked: r.unmarked, credited_quantities: r.credited_quantities }])
  )
}

/** An order's commissions at a glance (see orderCommissionStates). */
export type OrderCommissionState = {
  /** Some are not wholly reversed. */
  open: boolean
  /** A pending one has no due date yet. */
  unmarked: boolean
  /** The units each credited line was credited for, by line item id. */
  credited_quantities: Record<string, number>
}

/** At most this many due commissions are counted: a backlog beyond it reads "more than". */
export const BACKLOG_COUNT_CAP = 10_000

/**
 * The settlement backlog: commissions whose freeze period is over and that the
 * job has not settled yet (a suspended earner's are held, not late), how many
 * (counted up to BACKLOG_COUNT_CAP) and since when the oldest has been due.
 */
export async function settlementBacklog(
  manager: EntityManager,
  now: Date
): Promise<{ due: number; oldest_due_at: Date | null }> {
  const [row]: { due: number; oldest: Date | null }[] = await manager.execute(
    `SELECT count(*)::int AS due, min(eligible_at) AS oldest FROM (
       SELECT q.eligible_at FROM distribution_commission_due q
        WHERE NOT q.held AND q.eligible_at <= ? AND NOT distribution_earner_is_suspended(q.distributor_id)
        ORDER BY q.eligible_at LIMIT ?) due`,
    [now, BACKLOG_COUNT_CAP]
  )
  return { due: row.due, oldest_due_at: row.oldest ? new Date(row.oldest) : null }
}

/** An order's commissions not wholly reversed, locked in id order. */
export async function lockOrderCommissions(manager: EntityManager, orderId: string): Promise<CommissionRow[]> {
  return await manager.execute(
    `SELECT ${COMMISSION_ROW_COLUMNS}
       FROM distribution_commission
      WHERE order_id = ? AND status <> ? AND deleted_at IS NULL
      ORDER BY id FOR UPDATE`,
    [orderId, CommissionStatus.REVERSED]
  )
}

/**
 * Sets commissions' cumulative reversed amounts; `full` marks one reversed. One
 * statement for all of them, so that the kept totals' trigger locks every total
 * they move at once, in its one order (row by row, a reversal spanning several
 * earners could lock them in another order than a settlement batch, and one of
 * the two would be aborted as a deadlock).
 */
export async function setReversedAmounts(
  manager: EntityManager,
  changes: { id: string; reversed_amount: string; full: boolean }[]
): Promise<void> {
  if (!changes.length) {
    return
  }
  await manager.execute(
    `UPDATE distribution_commission c
        SET reversed_amount = x.reversed_amount::numeric, raw_reversed_amount = x.raw::jsonb, updated_at = now(),
            status = CASE WHEN x.whole THEN ? ELSE c.status END,
            reversed_at = CASE WHEN x.whole THEN now() ELSE c.reversed_at END
       FROM unnest(?::text[], ?::text[], ?::text[], ?::boolean[]) AS x(id, reversed_amount, raw, whole)
      WHERE c.id = x.id`,
    [
      CommissionStatus.REVERSED,
      pgTextArray(changes.map((c) => c.id)),
      pgTextArray(changes.map((c) => c.reversed_amount)),
      pgTextArray(changes.map((c) => rawAmount(c.reversed_amount))),
      `{${changes.map((c) => c.full).join(",")}}`,
    ]
  )
}

/** Which of these orders have at least one commission row. */
export async function ordersWithCommissions(manager: EntityManager, orderIds: string[]): Promise<Set<string>> {
  const seen: { order_id: string }[] = await manager.execute(
    `SELECT DISTINCT order_id FROM distribution_commission WHERE order_id = ANY(?::text[])`,
    [pgTextArray(orderIds)]
  )
  return new Set(seen.map((r) => r.order_id))
}

/** One page of the orders a distributor earns from, newest first, their lines and the total count. */
export async function distributorOrdersPage(
  manager: EntityManager,
  distributorId: string,
  page: { limit: number; offset: number }
): Promise<{ orders: { order_id: string; lines: CommissionRow[] }[]; count: number }> {
  const [{ count }] = await manager.execute(
    `SELECT count(DISTINCT order_id)::int AS count FROM distribution_commission
      WHERE distributor_id = ? AND deleted_at IS NULL`,
    [distributorId]
  )
  const ids: { order_id: string }[] = await manager.execute(
    `SELECT order_id, max(created_at) AS at FROM distribution_commission
      WHERE distributor_id = ? AND deleted_at IS NULL
      GROUP BY order_id ORDER BY at DESC, order_id DESC LIMIT ? OFFSET ?`,
    [distributorId, page.limit, page.offset]
  )
  if (!ids.length) {
    return { orders: [], count }
  }
  const lines: (CommissionRow & { order_id: string; depth: number })[] = await manager.execute(
    `SELECT id, order_id, line_item_id, distributor_id, currency_code, status, quantity, depth,
            amount::text AS amount, reversed_amount::text AS reversed_amount, base_amount::text AS base_amount
       FROM distribution_commission
      WHERE distributor_id = ? AND order_id = ANY(?::text[]) AND deleted_at IS NULL`,
    [distributorId, pgTextArray(ids.map((i) => i.order_id))]
  )
  return {
    orders: ids.map(({ order_id }) => ({ order_id, lines: lines.filter((l) => l.order_id === order_id) })),
    count,
  }
}

/**
 * The commission rules aimed at any of the given targets, as rate resolution
 * reads them: exact decimals as text, no entities built.
 */
export async function rulesForTargets(manager: EntityManager, targetIds: string[]): Promise<CommissionRuleLike[]> {
  return await manager.execute(
    `SELECT id, target_type, target_id, mode, rate_bps_1, rate_bps_2, rate_bps_3,
            raw_fixed_amount_1->>'value' AS fixed_amount_1,
            raw_fixed_amount_2->>'value' AS fixed_amount_2,
            raw_fixed_amount_3->>'value' AS fixed_amount_3,
            currency_code
       FROM distribution_commission_rule
      WHERE target_id = ANY(?::text[]) AND deleted_at IS NULL`,
    [pgTextArray([...new Set(targetIds)])]
  )
}
