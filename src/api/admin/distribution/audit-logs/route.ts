import { listHandler } from "../../../utils/list"
import { presentAuditLog } from "../../../utils/present"

/** Every decision taken on the programme, newest first. */
export const GET = listHandler("distribution_audit_log", "audit_logs", {
  present: (_container, rows) => rows.map(presentAuditLog),
})
