import { MiddlewareRoute } from "@medusajs/framework/http"
import { allowFields } from "../../../utils/query-fields"
import { auditLogQueryConfig } from "./query-config"
import { validateQuery } from "../../../utils/lazy-validation"

const validators = () => require("./validators") as typeof import("./validators")

export const adminAuditLogsMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/distribution/audit-logs",
    method: "GET",
    middlewares: [allowFields(auditLogQueryConfig.allowed), validateQuery(() => validators().AdminListAuditLogs, auditLogQueryConfig.list)],
  },
]
