import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { authenticateCustomer } from "../../../utils/authenticate"
import { StoreGetCentreSummary } from "./validators"

export const storeMeMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/distribution/me", method: "GET", middlewares: [authenticateCustomer] },
  {
    matcher: "/store/distribution/me/summary",
    method: "GET",
    middlewares: [authenticateCustomer, validateAndTransformQuery(StoreGetCentreSummary, {})],
  },
]
