import { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { DistributorStatus } from "../../modules/distribution/constants"
import { requireDistributor } from "./container"

/**
 * The caller as a distributor who may share links: active, with a code, and
 * the store's URL configured (the `store_url` plugin option).
 */
export async function requireSharingDistributor(req: AuthenticatedMedusaRequest) {
  const { service, me } = await requireDistributor(req)
  if (me.status !== DistributorStatus.ACTIVE || !me.referral_code) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Only an active distributor has referral links (your status is ${me.status})`
    )
  }
  const storeUrl = service.getOptions().store_url
  if (!storeUrl) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "Referral links are not available: the shop has not configured the plugin's store_url option"
    )
  }
  return { service, me, code: me.referral_code, storeUrl }
}
