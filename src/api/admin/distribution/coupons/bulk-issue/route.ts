import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { CouponSource } from "../../../../../modules/distribution/constants"
import { issueDistributorCouponWorkflow } from "../../../../../workflows"
import { distributionService } from "../../../../utils/container"
import { AdminBulkIssueCouponsType } from "../validators"

/** At most this many coupons per request; the rest on the next one (the answer says how many remain). */
const BULK_LIMIT = 200

/**
 * POST /admin/distribution/coupons/bulk-issue: a coupon for every active
 * distributor of a level who has none, one workflow each (a failure is
 * reported and does not stop the others).
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminBulkIssueCouponsType>, res: MedusaResponse) => {
  const service = distributionService(req)
  const { level_id } = req.validatedBody
  const [level] = await service.listDistributionLevels({ id: level_id })
  if (!level) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Level with id: ${level_id} was not found`)
  }
  const settings = await service.getSettings()
  if (!settings.coupon_template_promotion_id) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "No coupon template is chosen: pick a promotion as coupon_template_promotion_id in the programme's settings first"
    )
  }
  const ids = await service.listDistributorsWithoutCoupon(level_id, BULK_LIMIT + 1)
  const issued: string[] = []
  const failed: { distributor_id: string; message: string }[] = []
  for (const distributor_id of ids.slice(0, BULK_LIMIT)) {
    const { result, errors } = await issueDistributorCouponWorkflow(req.scope).run({
      input: { distributor_id, source: CouponSource.ADMIN, actor_id: req.auth_context.actor_id },
      throwOnError: false,
    })
    if (errors.length) {
      failed.push({ distributor_id, message: errors[0].error?.message ?? "failed" })
    } else {
      issued.push(result.id)
    }
  }
  res.json({ level_id, issued: issued.length, coupon_ids: issued, failed, more: ids.length > BULK_LIMIT })
}
