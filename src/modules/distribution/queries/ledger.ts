import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId } from "@medusajs/framework/utils"
import { LedgerKind } from "../constants"
import { rawAmount } from "../utils/sql"

/**
 * The wallet ledger: append-only signed entries, one per money movement,
 * unique per (kind, reference_id) so that a replayed movement writes nothing.
 * Wallet balances are a cache of its sums (see wallets.ts).
 */

export type NewLedgerEntry = {
  distributor_id: string
  currency_code: string
  kind: LedgerKind
  amount: string
  reference_type: string
  reference_id: string
  reason?: string | null
  actor_id?: string | null
}

/**
 * Appends one ledger entry. A replay writes nothing and returns null, so the
 * caller moves the cached balance only for an entry it really wrote.
 */
export async function appendLedgerEntry(manager: EntityManager, e: NewLedgerEntry): Promise<string | null> {
  const rows: { id: string }[] = await manager.execute(
    `INSERT INTO distribution_ledger_entry
       (id, distributor_id, currency_code, kind, amount, raw_amount, reference_type, reference_id, reason, actor_id)
     VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)
     ON CONFLICT (kind, reference_id) WHERE deleted_at IS NULL DO NOTHING RETURNING id`,
    [
      generateEntityId(undefined, "dled"),
      e.distributor_id,
      e.currency_code,
      e.kind,
      e.amount,
      rawAmount(e.amount),
      e.reference_type,
      e.reference_id,
      e.reason ?? null,
      e.actor_id ?? null,
    ]
  )
  return rows[0]?.id ?? null
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
