import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { couponOrders, retrieveCoupon } from "../../../../../lib/coupons"

/** GET /admin/distribution/coupons/:id: a coupon with its figures and its latest 50 orders. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const coupon = await retrieveCoupon(req.scope, req.params.id)
  res.json({ coupon, orders: await couponOrders(req.scope, coupon.id) })
}
