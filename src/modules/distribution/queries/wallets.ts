import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { MathBN } from "@medusajs/framework/utils"
import { LedgerKind } from "../constants"
import { WalletMismatch } from "../types"
import { pgTextArray } from "../utils/sql"
import { newId } from "../utils/ids"

/**
 * Wallets: one per distributor and currency, the cached sums of its ledger —
 * available (every entry but payouts; negative is a debt), held (what open
 * withdrawals hold) and withdrawn (what was paid out).
 */

export type WalletField = "available" | "held" | "withdrawn"
export type WalletChange = { distributor_id: string; currency_code: string; amount: string; field: WalletField }

/**
 * Adds signed amounts to cached wallet balances, creating wallets on first
 * use. One statement per balance field however many wallets change: a
 * settlement batch touches hundreds, and a round trip each made the job slow.
 */
export async function applyToWallets(manager: EntityManager, changes: WalletChange[]): Promise<void> {
  const merged = new Map<string, WalletChange>()
  for (const c of changes) {
    const key = `${c.distributor_id}|${c.currency_code}|${c.field}`
    const prev = merged.get(key)
    merged.set(key, { ...c, amount: prev ? MathBN.add(prev.amount, c.amount).toFixed() : c.amount })
  }
  for (const f of ["available", "held", "withdrawn"] as const) {
    // A stable order of rows keeps concurrent batches from deadlocking on wallets.
    const rows = [...merged.values()]
      .filter((c) => c.field === f)
      .sort((a, b) => (a.distributor_id < b.distributor_id ? -1 : 1))
    if (!rows.length) {
      continue
    }
    await manager.execute(
      `INSERT INTO distribution_wallet (id, distributor_id, currency_code, ${f}, raw_${f})
       SELECT id, distributor_id, currency_code, amount, jsonb_build_object('value', amount::text, 'precision', 20)
         FROM unnest(?::text[], ?::text[], ?::text[], ?::numeric[]) WITH ORDINALITY
           AS c(id, distributor_id, currency_code, amount, n)
        ORDER BY n
       ON CONFLICT (distributor_id, currency_code) WHERE deleted_at IS NULL DO UPDATE
         SET ${f} = distribution_wallet.${f} + EXCLUDED.${f},
             raw_${f} = jsonb_build_object('value', (distribution_wallet.${f} + EXCLUDED.${f})::text, 'precision', 20),
             updated_at = now()`,
      [
        pgTextArray(rows.map(() => newId("dwal"))),
        pgTextArray(rows.map((r) => r.distributor_id)),
        pgTextArray(rows.map((r) => r.currency_code)),
        pgTextArray(rows.map((r) => r.amount)),
      ]
    )
  }
}

/** The wallet's available balance, its row locked until the transaction ends; undefined before its first entry. */
export async function lockWalletAvailable(
  manager: EntityManager,
  distributorId: string,
  currencyCode: string
): Promise<string | undefined> {
  const [wallet] = await manager.execute(
    `SELECT available::text AS available FROM distribution_wallet
      WHERE distributor_id = ? AND currency_code = ? AND deleted_at IS NULL FOR UPDATE`,
    [distributorId, currencyCode]
  )
  return wallet?.available
}

/**
 * Per currency: the wallet's cached balances and what the distributor's pending
 * commissions are still worth (from its kept commission totals).
 */
export async function balanceSums(
  manager: EntityManager,
  distributorId: string
): Promise<{ currency_code: string; pending: string; available: string; held: string; withdrawn: string }[]> {
  return await manager.execute(
    `SELECT currency_code,
            coalesce(sum(pending), 0)::text AS pending,
            coalesce(sum(available), 0)::text AS available,
            coalesce(sum(held), 0)::text AS held,
            coalesce(sum(withdrawn), 0)::text AS withdrawn
       FROM (
         SELECT currency_code, pending, 0 AS available, 0 AS held, 0 AS withdrawn
           FROM distribution_commission_total
          WHERE distributor_id = ? AND pending_lines > 0
         UNION ALL
         SELECT currency_code, 0, available, held, withdrawn
           FROM distribution_wallet WHERE distributor_id = ? AND deleted_at IS NULL
       ) b
      GROUP BY currency_code ORDER BY currency_code`,
    [distributorId, distributorId]
  )
}

/** The wallets whose cached balances differ from the sums of their ledger entries. */
export async function walletMismatches(manager: EntityManager): Promise<WalletMismatch[]> {
  return await manager.execute(
    `WITH derived AS (
       SELECT distributor_id, currency_code,
              coalesce(sum(amount) FILTER (WHERE kind <> '${LedgerKind.WITHDRAWAL_PAID}'), 0) AS available,
              coalesce(-sum(amount) FILTER (WHERE kind IN ('${LedgerKind.WITHDRAWAL_HELD}', '${LedgerKind.WITHDRAWAL_RELEASED}')), 0)
                - coalesce(sum(amount) FILTER (WHERE kind = '${LedgerKind.WITHDRAWAL_PAID}'), 0) AS held,
              coalesce(sum(amount) FILTER (WHERE kind = '${LedgerKind.WITHDRAWAL_PAID}'), 0) AS withdrawn
         FROM distribution_ledger_entry WHERE deleted_at IS NULL
        GROUP BY distributor_id, currency_code
     )
     SELECT coalesce(d.distributor_id, w.distributor_id) AS distributor_id,
            coalesce(d.currency_code, w.currency_code) AS currency_code,
            coalesce(w.available, 0)::text AS cached_available, coalesce(d.available, 0)::text AS ledger_available,
            coalesce(w.held, 0)::text AS cached_held, coalesce(d.held, 0)::text AS ledger_held,
            coalesce(w.withdrawn, 0)::text AS cached_withdrawn, coalesce(d.withdrawn, 0)::text AS ledger_withdrawn
       FROM derived d
       FULL JOIN (SELECT * FROM distribution_wallet WHERE deleted_at IS NULL) w
         ON w.distributor_id = d.distributor_id AND w.currency_code = d.currency_code
      WHERE coalesce(w.available, 0) <> coalesce(d.available, 0)
         OR coalesce(w.held, 0) <> coalesce(d.held, 0)
         OR coalesce(w.withdrawn, 0) <> coalesce(d.withdrawn, 0)
      ORDER BY 1, 2`
  )
}
