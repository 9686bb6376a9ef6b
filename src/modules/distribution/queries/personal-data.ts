import { EntityManager } from "@medusajs/framework/mikro-orm/knex"

/** The tables and columns that hold personal data encrypted with the programme's key. */
export const ENCRYPTED_COLUMNS = [
  { table: "distribution_distributor", column: "application" },
  { table: "distribution_withdrawal", column: "payout_account" },
] as const

export type EncryptedColumn = (typeof ENCRYPTED_COLUMNS)[number]

/** One keyset page of encrypted values of a column, after `after` (an id), in id order. */
export async function encryptedPage(
  manager: EntityManager,
  target: EncryptedColumn,
  after: string | null,
  limit: number
): Promise<{ id: string; value: string }[]> {
  return await manager.execute(
    `SELECT id, ${target.column} AS value FROM ${target.table}
      WHERE ${target.column} IS NOT NULL AND (?::text IS NULL OR id > ?) ORDER BY id LIMIT ?`,
    [after, after, limit]
  )
}

/** Replaces a value only if it is still the one read (a concurrent write wins). */
export async function replaceEncrypted(
  manager: EntityManager,
  target: EncryptedColumn,
  id: string,
  from: string,
  to: string
): Promise<boolean> {
  const rows: unknown[] = await manager.execute(
    `UPDATE ${target.table} SET ${target.column} = ?, updated_at = now() WHERE id = ? AND ${target.column} = ? RETURNING id`,
    [to, id, from]
  )
  return rows.length > 0
}
