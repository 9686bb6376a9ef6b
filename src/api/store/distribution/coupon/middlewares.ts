import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { authenticateCustomer } from "../../../utils/authenticate"
import { StoreRequestCoupon } from "./validators"

export const storeCouponMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/distribution/coupon", method: "GET", middlewares: [authenticateCustomer] },
  { matcher: "/store/distribution/coupon", method: "POST", middlewares: [authenticateCustomer, validateAndTransformBody(StoreRequestCoupon)] },
]
