import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { allowFields } from "../../../utils/query-fields"
import { commissionQueryConfig } from "./query-config"
import { AdminListCommissions } from "./validators"

export const adminCommissionsMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/distribution/commissions",
    method: "GET",
    middlewares: [allowFields(commissionQueryConfig.allowed), validateAndTransformQuery(AdminListCommissions, commissionQueryConfig.list)],
  },
  {
    matcher: "/admin/distribution/commissions/export",
    method: "GET",
    middlewares: [allowFields(commissionQueryConfig.allowed), validateAndTransformQuery(AdminListCommissions, { isList: true, defaults: ["id"] })],
  },
]
