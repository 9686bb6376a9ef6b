import { MiddlewareRoute } from "@medusajs/framework/http"
import { authenticateCustomer } from "../../../utils/authenticate"
import { validateQuery } from "../../../utils/lazy-validation"

const validators = () => require("./validators") as typeof import("./validators")

export const storeOrdersMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/distribution/orders",
    method: "GET",
    middlewares: [authenticateCustomer, validateQuery(() => validators().StoreListOrders, {})],
  },
]
