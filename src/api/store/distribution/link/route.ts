import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { referralQr, referralUrl } from "../../../../modules/distribution/utils/referral-link"
import { requireSharingDistributor } from "../../../utils/container"
import { StoreGetReferralLinkType } from "./validators"

/** The caller's referral URL for a store path, and its QR code as SVG and PNG. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, StoreGetReferralLinkType>, res: MedusaResponse) => {
  const { code, storeUrl } = await requireSharingDistributor(req)
  const { path } = req.validatedQuery as StoreGetReferralLinkType
  const url = referralUrl(storeUrl, path, code)
  res.json({ url, code, qr: await referralQr(url) })
}
