import { z } from "@medusajs/framework/zod"
import { findParams, oneOrMany } from "../../../utils/validators"

export const AdminListAuditLogs = findParams({ limit: 50, order: "-created_at", orderable: ["created_at", "action", "entity_type"] }).extend({
  entity_type: z.string().optional(),
  entity_id: z.string().optional(),
  actor_id: z.string().optional(),
  action: oneOrMany(z.string()),
})
