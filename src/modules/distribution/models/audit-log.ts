import { model } from "@medusajs/framework/utils"
import { AUDIT_ACTOR_TYPES } from "../constants"

/** Every decision taken on the programme, by whom, on what, with what data. Append-only. */
const AuditLog = model
  .define({ name: "distribution_audit_log", tableName: "distribution_audit_log" }, {
    id: model.id({ prefix: "daud" }).primaryKey(),
    actor_type: model.enum(AUDIT_ACTOR_TYPES),
    actor_id: model.text().nullable(),
    action: model.text(),
    entity_type: model.text(),
    entity_id: model.text(),
    data: model.json().nullable(),
  })
  .indexes([
    {
      name: "IDX_distribution_audit_entity",
      on: ["entity_type", "entity_id", "created_at"],
    },
    { name: "IDX_distribution_audit_created", on: ["created_at"] },
  ])

export default AuditLog
