import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { authenticateCustomer } from "../../../utils/authenticate"
import { StoreGetCentreStats } from "./validators"

export const storeStatsMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/distribution/stats",
    method: "GET",
    middlewares: [authenticateCustomer, validateAndTransformQuery(StoreGetCentreStats, {})],
  },
]
