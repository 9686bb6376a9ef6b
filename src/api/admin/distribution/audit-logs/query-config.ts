/** Default and allowed fields of the audit log (allowFields refuses anything else with a 400). */
export const auditLogQueryConfig = {
  list: {
    defaults: ["id", "actor_type", "actor_id", "action", "entity_type", "entity_id", "data", "created_at"],
    isList: true,
  },
  allowed: ["id", "actor_type", "actor_id", "action", "entity_type", "entity_id", "data", "created_at", "updated_at"],
}
