import { MiddlewareRoute } from "@medusajs/framework/http"
import { authenticateCustomer } from "../../../utils/authenticate"
import { validateBody } from "../../../utils/lazy-validation"

const validators = () => require("./validators") as typeof import("./validators")

export const storeApplyMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/distribution/apply",
    method: "POST",
    middlewares: [authenticateCustomer, validateBody(() => validators().StoreApplyForDistribution)],
  },
]
