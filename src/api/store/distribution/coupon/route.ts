import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { CouponIssue, CouponSource, CouponStatus, DistributorStatus, ShareTarget } from "../../../../modules/distribution/constants"
import { DistributorCouponDTO, DistributorDTO } from "../../../../modules/distribution/types"
import DistributionModuleService from "../../../../modules/distribution/service"
import { sharerOf, sharesOf } from "../../../../lib/share"
import { issueDistributorCouponWorkflow } from "../../../../workflows"
import { presentCoupons } from "../../../../lib/coupons"
import { requireDistributor } from "../../../utils/container"
import { runWorkflow } from "../../../utils/workflow"

const own = ({ id, code, status, source, created_at, offer, uses, figures }: Awaited<ReturnType<typeof presentCoupons>>[number]) => ({
  id,
  code,
  status,
  source,
  created_at,
  offer,
  uses,
  figures,
})

/** The owner's share of the store with an active coupon (the storefront applies the coupon on landing); null otherwise. */
async function couponShare(req: AuthenticatedMedusaRequest, service: DistributionModuleService, me: DistributorDTO, coupon: DistributorCouponDTO | undefined) {
  const sharer = sharerOf(service, me)
  if (!sharer || coupon?.status !== CouponStatus.ACTIVE) {
    return null
  }
  const [share] = await sharesOf(req.scope, sharer, [{ type: ShareTarget.COUPON, id: coupon.id, path: "/" }])
  return share
}

/** GET /store/distribution/coupon: the caller's coupon — code, what it gives, uses, sales, commission — or null. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { service, me } = await requireDistributor(req)
  const [row] = await service.listDistributorCoupons({ distributor_id: me.id })
  const settings = await service.getSettings()
  const can_request =
    !row &&
    me.status === DistributorStatus.ACTIVE &&
    settings.coupon_issue === CouponIssue.ON_REQUEST &&
    !!settings.coupon_template_promotion_id
  res.json({
    coupon: row ? own((await presentCoupons(req.scope, [row]))[0]) : null,
    can_request,
    share: await couponShare(req, service, me, row),
  })
}

/** POST /store/distribution/coupon: an active distributor asks for its coupon, when the programme issues them on request. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { service, me } = await requireDistributor(req)
  const settings = await service.getSettings()
  if (settings.coupon_issue !== CouponIssue.ON_REQUEST) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Coupons are not issued on request in this programme")
  }
  const coupon = await runWorkflow(issueDistributorCouponWorkflow, req.scope, {
    distributor_id: me.id,
    source: CouponSource.REQUEST,
    actor_id: req.auth_context.actor_id,
  })
  const [presented] = await presentCoupons(req.scope, [coupon])
  res.status(201).json({ coupon: own(presented), share: await couponShare(req, service, me, coupon) })
}
