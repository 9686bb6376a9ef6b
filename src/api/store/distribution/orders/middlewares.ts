import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { authenticateCustomer } from "../../../utils/authenticate"
import { StoreListOrders } from "./validators"

export const storeOrdersMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/distribution/orders",
    method: "GET",
    middlewares: [authenticateCustomer, validateAndTransformQuery(StoreListOrders, {})],
  },
]
