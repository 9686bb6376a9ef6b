import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { authenticateCustomer } from "../../../utils/authenticate"
import { StoreGetPoster } from "./validators"

export const storePosterMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/distribution/poster",
    method: "GET",
    middlewares: [authenticateCustomer, validateAndTransformQuery(StoreGetPoster, {})],
  },
]
