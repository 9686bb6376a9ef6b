import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { AdminSyncCustomerGroups } from "./validators"

export const adminCustomerGroupsMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/distribution/customer-groups/sync",
    method: "POST",
    middlewares: [validateAndTransformBody(AdminSyncCustomerGroups)],
  },
]
