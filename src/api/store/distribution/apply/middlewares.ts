import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { authenticateCustomer } from "../../../utils/authenticate"
import { StoreApplyForDistribution } from "./validators"

export const storeApplyMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/distribution/apply",
    method: "POST",
    middlewares: [authenticateCustomer, validateAndTransformBody(StoreApplyForDistribution)],
  },
]
