import { MiddlewareRoute } from "@medusajs/framework/http"
import { authenticateCustomer } from "../../../utils/authenticate"
import { byCustomer, rateLimit } from "../../../utils/rate-limit"
import { validateBody, validateQuery } from "../../../utils/lazy-validation"

const validators = () => require("./validators") as typeof import("./validators")

export const storeWithdrawalsMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/distribution/withdrawals",
    method: "POST",
    middlewares: [authenticateCustomer, validateBody(() => validators().StoreRequestWithdrawal), rateLimit("withdrawal_requests", byCustomer)],
  },
  {
    matcher: "/store/distribution/withdrawals",
    method: "GET",
    middlewares: [authenticateCustomer, validateQuery(() => validators().StoreListWithdrawals, {})],
  },
  { matcher: "/store/distribution/withdrawals/:id", method: "GET", middlewares: [authenticateCustomer] },
]
