import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { allowFields } from "../../../utils/query-fields"
import { auditLogQueryConfig } from "./query-config"
import { AdminListAuditLogs } from "./validators"

export const adminAuditLogsMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/distribution/audit-logs",
    method: "GET",
    middlewares: [allowFields(auditLogQueryConfig.allowed), validateAndTransformQuery(AdminListAuditLogs, auditLogQueryConfig.list)],
  },
]
