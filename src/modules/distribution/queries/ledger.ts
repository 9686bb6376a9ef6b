import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { LedgerKind } from "../constants"
import { pgTextArray } from "../utils/sql"
import { newId } from "../utils/ids"

/**
 * The wallet ledger: append-only signed entries, one per money movement,
 * unique per (kind, reference_id) so that a replayed movement writes nothing.
 * Wallet balances are a cache of its sums (see wallets.ts).
 *
 * ledgerInsertSql is the one writer: every entry (a settled commission, a
 * claw-back, an adjustment, a withdrawal's hold, release or payout) goes
 * through it — through appendLedgerEntries, or in the settlement's batch
 * statement — so every entry gets its id, its exact raw amount and its replay
 * guard the same way. Entries are stamped when written (clock_timestamp), so
 * a movement that waited on a concurrent one's lock is listed after it; one
 * reading of the clock serves both stamps (two calls could differ by a
 * microsecond, and an entry would look rewritten).
 */

export type NewLedgerEntry = {
  distributor_id: string
  currency_code: string
  kind: LedgerKind
  /** Signed decimal string in the currency's major unit. */
  amount: string
  reference_type: string
  reference_id: string
  reason?: string | null
  actor_id?: string | null
}

export type WrittenLedgerEntry = {
  id: string
  distributor_id: string
  currency_code: string
  kind: LedgerKind
  amount: string
  reference_id: string
}

/**
 * How every ledger row is written: `source` is a row set of (id,
 * distributor_id, currency_code, kind, amount as text, reference_type,
 * reference_id, reason, actor_id); each becomes an entry with its exact raw
 * amount, unless its (kind, reference) is already in the ledger (a replay:
 * nothing written, nothing returned). Shared by appendLedgerEntries and the
 * settlement, which settles and books a batch in one statement.
 */
export function ledgerInsertSql(source: string): string {
  return `INSERT INTO distribution_ledger_entry
       (id, distributor_id, currency_code, kind, amount, raw_amount, reference_type, reference_id, reason, actor_id, created_at, updated_at)
     SELECT id, distributor_id, currency_code, kind, amount::numeric,
            jsonb_build_object('value', amount, 'precision', 20), reference_type, reference_id, reason, actor_id,
            stamp.written_at, stamp.written_at
       FROM ${source} CROSS JOIN LATERAL (SELECT clock_timestamp() AS written_at) AS stamp
     ON CONFLICT (kind, reference_id) WHERE deleted_at IS NULL DO NOTHING
     RETURNING id, distributor_id, currency_code, kind, amount::text AS amount, reference_id`
}

/** `n` new ledger entry ids, as a PostgreSQL text array. */
export function newLedgerIds(n: number): string {
  return pgTextArray(Array.from({ length: n }, () => newId("dled")))
}

/**
 * Appends entries in one statement, however many. An entry whose (kind,
 * reference) is already in the ledger is a replay: it writes nothing and is
 * not returned, so the caller moves cached balances only for entries it
 * really wrote.
 */
export async function appendLedgerEntries(
  manager: EntityManager,
  entries: NewLedgerEntry[]
): Promise<WrittenLedgerEntry[]> {
  if (!entries.length) {
    return []
  }
  const column = (f: (e: NewLedgerEntry) => string | null) => pgTextArray(entries.map(f))
  return await manager.execute(
    ledgerInsertSql(
      `unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
         AS e(id, distributor_id, currency_code, kind, amount, reference_type, reference_id, reason, actor_id)`
    ),
    [
      newLedgerIds(entries.length),
      column((e) => e.distributor_id),
      column((e) => e.currency_code),
      column((e) => e.kind),
      column((e) => e.amount),
      column((e) => e.reference_type),
      column((e) => e.reference_id),
      column((e) => e.reason ?? null),
      column((e) => e.actor_id ?? null),
    ]
  )
}

/** Appends one entry (see appendLedgerEntries); its id, or null for a replay. */
export async function appendLedgerEntry(manager: EntityManager, entry: NewLedgerEntry): Promise<string | null> {
  const [written] = await appendLedgerEntries(manager, [entry])
  return written?.id ?? null
}

export async function findLedgerEntry(
  manager: EntityManager,
  kind: LedgerKind,
  referenceId: string
): Promise<{ id: string; currency_code: string; amount: string; reason: string | null } | undefined> {
  const [row]: { id: string; currency_code: string; amount: string; reason: string | null }[] = await manager.execute(
    `SELECT id, currency_code, amount::text AS amount, reason FROM distribution_ledger_entry
      WHERE kind = ? AND reference_id = ? AND deleted_at IS NULL`,
    [kind, referenceId]
  )
  return row
}

/**
 * Deletes an entry: only a workflow's compensation does, undoing a movement
 * whose transaction already committed, as if it had never been made.
 */
export async function removeLedgerEntry(manager: EntityManager, kind: LedgerKind, referenceId: string): Promise<boolean> {
  const removed = await manager.execute(
    `DELETE FROM distribution_ledger_entry WHERE kind = ? AND reference_id = ? RETURNING id`,
    [kind, referenceId]
  )
  return removed.length > 0
}
