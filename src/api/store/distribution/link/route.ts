import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { referralQr, referralUrl } from "../../../../modules/distribution/utils/referral-link"
import { CouponStatus, ShareTarget } from "../../../../modules/distribution/constants"
import { sharesOf } from "../../../../lib/share"
import { requireSharingDistributor } from "../../../utils/container"
import { StoreGetReferralLinkType } from "./validators"

/**
 * The caller's referral URL for a store path, its QR code as SVG and PNG, its
 * active coupon's code (null: none) — a storefront opening the link applies
 * it to the cart, so the buyer gets the coupon's discount — and its share for
 * every terminal (the mini-program's page and scene).
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, StoreGetReferralLinkType>, res: MedusaResponse) => {
  const { code, storeUrl, service, me } = await requireSharingDistributor(req)
  const [coupon] = await service.listDistributorCoupons({ distributor_id: me.id, status: CouponStatus.ACTIVE })
  const { path } = req.validatedQuery as StoreGetReferralLinkType
  const url = referralUrl(storeUrl, path, code)
  const [share] = await sharesOf(req.scope, { distributor_id: me.id, code, store_url: storeUrl }, [
    { type: path === "/" ? ShareTarget.HOME : ShareTarget.PAGE, id: null, path },
  ])
  res.json({ url, code, coupon_code: coupon?.code ?? null, qr: await referralQr(url), share })
}
