import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { authenticateCustomer } from "../../../utils/authenticate"
import { StoreGetTeam } from "./validators"

export const storeTeamMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/distribution/team",
    method: "GET",
    middlewares: [authenticateCustomer, validateAndTransformQuery(StoreGetTeam, {})],
  },
]
