import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { authenticateCustomer } from "../../../utils/authenticate"
import { StoreGetTeam, StoreGetTeamChildren } from "./validators"

export const storeTeamMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/distribution/team",
    method: "GET",
    middlewares: [authenticateCustomer, validateAndTransformQuery(StoreGetTeam, {})],
  },
  {
    matcher: "/store/distribution/team/:id/children",
    method: "GET",
    middlewares: [authenticateCustomer, validateAndTransformQuery(StoreGetTeamChildren, {})],
  },
]
