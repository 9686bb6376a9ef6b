import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { retrieveCoupon } from "../../../../../../lib/coupons"
import { distributionService } from "../../../../../utils/container"
import { AdminUpdateCouponType } from "../../validators"

/** POST /admin/distribution/coupons/:id/policy: sets the coupon's own commission policy (null: the programme's). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateCouponType>, res: MedusaResponse) => {
  const coupon = await retrieveCoupon(req.scope, req.params.id)
  const body = req.validatedBody
  const policy = body.commission_policy === undefined ? coupon.commission_policy : body.commission_policy
  await distributionService(req).updateDistributorCoupons({
    id: coupon.id,
    commission_policy: policy,
    // Rates mean something only under a "rates" policy: cleared otherwise.
    rate_bps_1: policy === "rates" ? body.rate_bps_1 ?? coupon.rate_bps_1 : null,
    rate_bps_2: policy === "rates" ? body.rate_bps_2 ?? coupon.rate_bps_2 : null,
    rate_bps_3: policy === "rates" ? body.rate_bps_3 ?? coupon.rate_bps_3 : null,
  })
  res.json({ coupon: await retrieveCoupon(req.scope, coupon.id) })
}
