import { MiddlewareRoute } from "@medusajs/framework/http"
import { authenticateCustomer } from "../../../utils/authenticate"
import { validateQuery } from "../../../utils/lazy-validation"

const validators = () => require("./validators") as typeof import("./validators")

export const storeMeMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/distribution/me", method: "GET", middlewares: [authenticateCustomer] },
  {
    matcher: "/store/distribution/me/summary",
    method: "GET",
    middlewares: [authenticateCustomer, validateQuery(() => validators().StoreGetCentreSummary, {})],
  },
]
