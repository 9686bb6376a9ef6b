import type { Knex } from "@medusajs/framework/mikro-orm/knex"

/**
 * A fingerprint of every table of the plugin: one hash of all of each table's
 * rows. Two equal snapshots mean no request in between wrote anything.
 */
export async function pluginTables(db: Knex): Promise<Record<string, string>> {
  const { rows: tables } = await db.raw(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_name LIKE 'distribution\\_%' ORDER BY 1`
  )
  const snapshot: Record<string, string> = {}
  for (const { table_name } of tables as { table_name: string }[]) {
    const { rows } = await db.raw(
      `SELECT count(*)::int AS n, coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS h FROM "${table_name}" t`
    )
    snapshot[table_name] = `${rows[0].n}:${rows[0].h}`
  }
  return snapshot
}
