import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../../utils/lazy-validation"

const validators = () => require("./validators") as typeof import("./validators")

const C = "/admin/distribution/coupons"

/** /admin/* is authenticated by Medusa; these validate. */
export const adminCouponsMiddlewares: MiddlewareRoute[] = [
  { matcher: C, method: "GET", middlewares: [validateQuery(() => validators().AdminListCoupons, {})] },
  { matcher: C, method: "POST", middlewares: [validateBody(() => validators().AdminIssueCoupon)] },
  { matcher: `${C}/bulk-issue`, method: "POST", middlewares: [validateBody(() => validators().AdminBulkIssueCoupons)] },
  { matcher: `${C}/:id/policy`, method: "POST", middlewares: [validateBody(() => validators().AdminUpdateCoupon)] },
  { matcher: `${C}/:id/disable`, method: "POST", middlewares: [validateBody(() => validators().AdminSetCouponStatus)] },
  { matcher: `${C}/:id/enable`, method: "POST", middlewares: [validateBody(() => validators().AdminSetCouponStatus)] },
]
