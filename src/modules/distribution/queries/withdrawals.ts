import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { WithdrawalAction, WithdrawalStatus } from "../constants"
import { WithdrawalSnapshot } from "../types"
import { rawAmount } from "../utils/sql"
import { newId } from "../utils/ids"

/**
 * Withdrawal requests: requested → approved → paid, or rejected; the money
 * they hold moves through the ledger (see the service), the rows here.
 */

/**
 * Namespace of the advisory locks on withdrawal idempotency keys (with the
 * two-key form, beside a hash of distributor and key): two requests with one
 * key queue, whatever wallet each would lock.
 */
const WITHDRAWAL_KEY_LOCK = 740_021

const SNAPSHOT_COLUMNS = `id, distributor_id, currency_code, amount::text AS amount, status,
  reject_reason, transaction_reference, approved_at, approved_by, rejected_at, rejected_by, paid_at, paid_by`

export type KeyedWithdrawal = {
  id: string
  amount: string
  currency_code: string
  method: string
  payout_account: string
  note: string | null
}

/**
 * The request a distributor already made with this key, if any, under an
 * advisory lock on the key held to the end of the transaction, so concurrent
 * retries see the first one.
 */
export async function lockWithdrawalKey(
  manager: EntityManager,
  distributorId: string,
  key: string
): Promise<KeyedWithdrawal | undefined> {
  await manager.execute("SELECT pg_advisory_xact_lock(?, hashtext(?))", [WITHDRAWAL_KEY_LOCK, `${distributorId}:${key}`])
  const [first]: KeyedWithdrawal[] = await manager.execute(
    `SELECT id, amount::text AS amount, currency_code, method, payout_account, note FROM distribution_withdrawal
      WHERE distributor_id = ? AND idempotency_key = ? AND deleted_at IS NULL`,
    [distributorId, key]
  )
  return first
}

/** Raw SQL keeps the amounts exact decimals (the generated create types them as numbers). */
export async function insertWithdrawal(
  manager: EntityManager,
  w: {
    distributor_id: string
    currency_code: string
    amount: string
    fee_bps: number
    fee: string
    net_amount: string
    method: string
    payout_account: string
    account_masked: Record<string, string | null>
    note: string | null
    idempotency_key: string | null
  }
): Promise<string> {
  const [row]: { id: string }[] = await manager.execute(
    `INSERT INTO distribution_withdrawal (id, distributor_id, currency_code, amount, raw_amount,
       fee_bps, fee, raw_fee, net_amount, raw_net_amount, method, payout_account, account_masked,
       note, idempotency_key)
     VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?, ?::jsonb, ?, ?) RETURNING id`,
    [
      newId("dwdr"),
      w.distributor_id,
      w.currency_code,
      w.amount,
      rawAmount(w.amount),
      w.fee_bps,
      w.fee,
      rawAmount(w.fee),
      w.net_amount,
      rawAmount(w.net_amount),
      w.method,
      w.payout_account,
      JSON.stringify(w.account_masked),
      w.note,
      w.idempotency_key,
    ]
  )
  return row.id
}

/** A withdrawal as a decision changes it, its row locked until the transaction ends. */
export async function lockWithdrawal(manager: EntityManager, id: string): Promise<WithdrawalSnapshot | undefined> {
  const [w]: WithdrawalSnapshot[] = await manager.execute(
    `SELECT ${SNAPSHOT_COLUMNS} FROM distribution_withdrawal
      WHERE id = ? AND deleted_at IS NULL FOR UPDATE`,
    [id]
  )
  return w
}

/** Writes an admin's decision: the new status, and who decided, when, and why or with which transfer. */
export async function recordWithdrawalDecision(
  manager: EntityManager,
  input: {
    id: string
    action: WithdrawalAction
    to: WithdrawalStatus
    at: Date
    actor_id: string | null
    reason: string | null
    transaction_reference: string | null
  }
): Promise<void> {
  const { at, actor_id } = input
  const set: Record<WithdrawalAction, [string, unknown[]]> = {
    approve: ["approved_at = ?, approved_by = ?", [at, actor_id]],
    reject: ["rejected_at = ?, rejected_by = ?, reject_reason = ?", [at, actor_id, input.reason]],
    pay: ["paid_at = ?, paid_by = ?, transaction_reference = ?", [at, actor_id, input.transaction_reference]],
  }
  const [fields, values] = set[input.action]
  await manager.execute(`UPDATE distribution_withdrawal SET status = ?, ${fields}, updated_at = now() WHERE id = ?`, [
    input.to,
    ...values,
    input.id,
  ])
}

/** Puts back every field a decision changes. */
export async function restoreWithdrawalFields(manager: EntityManager, previous: WithdrawalSnapshot): Promise<void> {
  await manager.execute(
    `UPDATE distribution_withdrawal
        SET status = ?, reject_reason = ?, transaction_reference = ?, approved_at = ?, approved_by = ?,
            rejected_at = ?, rejected_by = ?, paid_at = ?, paid_by = ?, updated_at = now()
      WHERE id = ?`,
    [
      previous.status,
      previous.reject_reason,
      previous.transaction_reference,
      previous.approved_at,
      previous.approved_by,
      previous.rejected_at,
      previous.rejected_by,
      previous.paid_at,
      previous.paid_by,
      previous.id,
    ]
  )
}

export async function deleteWithdrawal(manager: EntityManager, id: string): Promise<void> {
  await manager.execute(`DELETE FROM distribution_withdrawal WHERE id = ?`, [id])
}
