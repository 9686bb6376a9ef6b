import { MiddlewareRoute } from "@medusajs/framework/http"
import { authenticateCustomer } from "../../../utils/authenticate"
import { validateQuery } from "../../../utils/lazy-validation"

const validators = () => require("./validators") as typeof import("./validators")

export const storeStatsMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/distribution/stats",
    method: "GET",
    middlewares: [authenticateCustomer, validateQuery(() => validators().StoreGetCentreStats, {})],
  },
]
