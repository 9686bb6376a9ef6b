import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { AuditEntry } from "../types"
import { newId } from "../utils/ids"

/**
 * Appends one audit row in the caller's transaction, so a change and its
 * audit row are written together or not at all. The row is stamped when it is
 * written, not when its transaction began: a decision that waited for a
 * concurrent one's lock is listed after it.
 */
export async function appendAudit(manager: EntityManager, entry: AuditEntry): Promise<string> {
  const [row]: { id: string }[] = await manager.execute(
    `INSERT INTO distribution_audit_log (id, actor_type, actor_id, action, entity_type, entity_id, data, created_at, updated_at)
     SELECT ?, ?, ?, ?, ?, ?, ?::jsonb, stamp.written_at, stamp.written_at FROM (SELECT clock_timestamp() AS written_at) AS stamp
     RETURNING id`,
    [
      newId("daud"),
      entry.actor_type,
      entry.actor_id ?? null,
      entry.action,
      entry.entity_type,
      entry.entity_id,
      entry.data ? JSON.stringify(entry.data) : null,
    ]
  )
  return row.id
}

/** Compensations only: the audit row of a change being undone. */
export async function deleteAudit(manager: EntityManager, id: string): Promise<void> {
  await manager.execute(`DELETE FROM distribution_audit_log WHERE id = ?`, [id])
}

/** Compensations only: the audit rows of one action on one entity. */
export async function deleteAuditOf(
  manager: EntityManager,
  entry: { entity_type: string; entity_id: string; action: string }
): Promise<void> {
  await manager.execute(`DELETE FROM distribution_audit_log WHERE entity_type = ? AND entity_id = ? AND action = ?`, [
    entry.entity_type,
    entry.entity_id,
    entry.action,
  ])
}
