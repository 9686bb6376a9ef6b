import { MiddlewareRoute } from "@medusajs/framework/http"
import { authenticateCustomer } from "../../../utils/authenticate"
import { validateQuery } from "../../../utils/lazy-validation"

const validators = () => require("./validators") as typeof import("./validators")

export const storeTeamMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/distribution/team",
    method: "GET",
    middlewares: [authenticateCustomer, validateQuery(() => validators().StoreGetTeam, {})],
  },
  {
    matcher: "/store/distribution/team/:id/children",
    method: "GET",
    middlewares: [authenticateCustomer, validateQuery(() => validators().StoreGetTeamChildren, {})],
  },
]
