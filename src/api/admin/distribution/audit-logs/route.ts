import { listHandler } from "../../../utils/list"

/** Every decision taken on the programme, newest first. */
export const GET = listHandler("distribution_audit_log", "audit_logs")
