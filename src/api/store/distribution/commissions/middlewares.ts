import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { authenticateCustomer } from "../../../utils/authenticate"
import { StoreListCommissions } from "./validators"

export const storeCommissionsMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/distribution/commissions",
    method: "GET",
    middlewares: [authenticateCustomer, validateAndTransformQuery(StoreListCommissions, {})],
  },
]
