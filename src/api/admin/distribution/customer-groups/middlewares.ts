import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../../utils/lazy-validation"

const validators = () => require("./validators") as typeof import("./validators")

export const adminCustomerGroupsMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/distribution/customer-groups/sync",
    method: "POST",
    middlewares: [validateBody(() => validators().AdminSyncCustomerGroups)],
  },
]
