import { AuthenticatedMedusaRequest, MedusaRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE } from "../../modules/distribution"
import { DistributorStatus } from "../../modules/distribution/constants"
import DistributionModuleService from "../../modules/distribution/service"

export function distributionService(req: MedusaRequest): DistributionModuleService {
  return req.scope.resolve(DISTRIBUTION_MODULE)
}

export { programmeCurrency, programmeSettings } from "../../lib/programme-settings"

/** The caller's own distributor record, or a 404 for a customer who is not one. */
export async function requireDistributor(req: AuthenticatedMedusaRequest) {
  const service = distributionService(req)
  const me = await service.retrieveDistributorByCustomer(req.auth_context.actor_id)
  if (!me) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "You are not a distributor")
  }
  return { service, me }
}

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
