import { MiddlewareRoute } from "@medusajs/framework/http"
import { allowFields } from "../../../utils/query-fields"
import { commissionQueryConfig } from "./query-config"
import { validateQuery } from "../../../utils/lazy-validation"

const validators = () => require("./validators") as typeof import("./validators")

export const adminCommissionsMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/distribution/commissions",
    method: "GET",
    middlewares: [allowFields(commissionQueryConfig.allowed), validateQuery(() => validators().AdminListCommissions, commissionQueryConfig.list)],
  },
  {
    matcher: "/admin/distribution/commissions/export",
    method: "GET",
    middlewares: [allowFields(commissionQueryConfig.allowed), validateQuery(() => validators().AdminListCommissions, { isList: true, defaults: ["id"] })],
  },
]
