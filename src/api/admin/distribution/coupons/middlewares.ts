import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminBulkIssueCoupons, AdminIssueCoupon, AdminListCoupons, AdminSetCouponStatus, AdminUpdateCoupon } from "./validators"

const C = "/admin/distribution/coupons"

/** /admin/* is authenticated by Medusa; these validate. */
export const adminCouponsMiddlewares: MiddlewareRoute[] = [
  { matcher: C, method: "GET", middlewares: [validateAndTransformQuery(AdminListCoupons, {})] },
  { matcher: C, method: "POST", middlewares: [validateAndTransformBody(AdminIssueCoupon)] },
  { matcher: `${C}/bulk-issue`, method: "POST", middlewares: [validateAndTransformBody(AdminBulkIssueCoupons)] },
  { matcher: `${C}/:id/policy`, method: "POST", middlewares: [validateAndTransformBody(AdminUpdateCoupon)] },
  { matcher: `${C}/:id/disable`, method: "POST", middlewares: [validateAndTransformBody(AdminSetCouponStatus)] },
  { matcher: `${C}/:id/enable`, method: "POST", middlewares: [validateAndTransformBody(AdminSetCouponStatus)] },
]
