import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { BindingSource } from "../constants"
import { newId } from "../utils/ids"

/**
 * Who brought a buyer: one binding row per customer (a unique partial index
 * on customer_id), and visits, one per distributor, visitor and day.
 */

export type BindingRow = { id: string; distributor_id: string; expires_at: Date | string | null }

export async function lockBinding(manager: EntityManager, customerId: string): Promise<BindingRow | undefined> {
  const [row]: BindingRow[] = await manager.execute(
    `SELECT id, distributor_id, expires_at FROM distribution_referral_binding
      WHERE customer_id = ? AND deleted_at IS NULL FOR UPDATE`,
    [customerId]
  )
  return row
}

type BindingValues = {
  distributor_id: string
  source: BindingSource
  bound_at: Date
  expires_at: Date | null
  bound_by: string | null
}

export async function replaceBinding(manager: EntityManager, id: string, b: BindingValues): Promise<void> {
  await manager.execute(
    `UPDATE distribution_referral_binding
        SET distributor_id = ?, source = ?, bound_at = ?, expires_at = ?,
            bound_by = ?, updated_at = now()
      WHERE id = ?`,
    [b.distributor_id, b.source, b.bound_at, b.expires_at, b.bound_by, id]
  )
}

/** The new binding's id, or null when another request bound the customer first. */
export async function insertBinding(
  manager: EntityManager,
  b: BindingValues & { customer_id: string }
): Promise<string | null> {
  const inserted: { id: string }[] = await manager.execute(
    `INSERT INTO distribution_referral_binding
       (id, customer_id, distributor_id, source, bound_at, expires_at, bound_by)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (customer_id) WHERE deleted_at IS NULL DO NOTHING
     RETURNING id`,
    [newId("dbind"), b.customer_id, b.distributor_id, b.source, b.bound_at, b.expires_at, b.bound_by]
  )
  return inserted[0]?.id ?? null
}

/** Records a visit unless this visitor already came through this distributor that day; true when recorded. */
export async function insertVisit(
  manager: EntityManager,
  v: { distributor_id: string; visitor_key: string; source: string; landing_path: string | null; now: Date }
): Promise<boolean> {
  const rows = await manager.execute(
    `INSERT INTO distribution_visit
       (id, distributor_id, visitor_key, visit_date, source, landing_path, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (distributor_id, visitor_key, visit_date) WHERE deleted_at IS NULL DO NOTHING
     RETURNING id`,
    [
      newId("dvis"),
      v.distributor_id,
      v.visitor_key,
      v.now.toISOString().slice(0, 10),
      v.source,
      v.landing_path,
      v.now,
      v.now,
    ]
  )
  return rows.length > 0
}
