import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { authenticateCustomer } from "../../../utils/authenticate"
import { StoreGetReferralLink } from "./validators"

export const storeLinkMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/distribution/link",
    method: "GET",
    middlewares: [authenticateCustomer, validateAndTransformQuery(StoreGetReferralLink, {})],
  },
]
