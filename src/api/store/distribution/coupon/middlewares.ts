import { MiddlewareRoute } from "@medusajs/framework/http"
import { authenticateCustomer } from "../../../utils/authenticate"
import { validateBody } from "../../../utils/lazy-validation"

const validators = () => require("./validators") as typeof import("./validators")

export const storeCouponMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/distribution/coupon", method: "GET", middlewares: [authenticateCustomer] },
  { matcher: "/store/distribution/coupon", method: "POST", middlewares: [authenticateCustomer, validateBody(() => validators().StoreRequestCoupon)] },
]
