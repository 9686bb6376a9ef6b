import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { authenticateCustomer } from "../../../utils/authenticate"
import { StoreListWithdrawals, StoreRequestWithdrawal } from "./validators"
import { byCustomer, rateLimit } from "../../../utils/rate-limit"

export const storeWithdrawalsMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/distribution/withdrawals",
    method: "POST",
    middlewares: [authenticateCustomer, validateAndTransformBody(StoreRequestWithdrawal), rateLimit("withdrawal_requests", byCustomer)],
  },
  {
    matcher: "/store/distribution/withdrawals",
    method: "GET",
    middlewares: [authenticateCustomer, validateAndTransformQuery(StoreListWithdrawals, {})],
  },
  { matcher: "/store/distribution/withdrawals/:id", method: "GET", middlewares: [authenticateCustomer] },
]
