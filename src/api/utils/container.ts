import { AuthenticatedMedusaRequest, MedusaRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE } from "../../modules/distribution"
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
