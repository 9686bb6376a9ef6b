import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { setDistributorCouponStatusWorkflow } from "../../../../../../workflows"
import { retrieveCoupon } from "../../../../../../lib/coupons"
import { runWorkflow } from "../../../../../utils/workflow"

/** POST /admin/distribution/coupons/:id/enable: enables the coupon and its Medusa promotion (audited). */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await retrieveCoupon(req.scope, req.params.id)
  await runWorkflow(setDistributorCouponStatusWorkflow, req.scope, {
    id: req.params.id,
    move: "enable",
    actor_id: req.auth_context.actor_id,
  })
  res.json({ coupon: await retrieveCoupon(req.scope, req.params.id) })
}
