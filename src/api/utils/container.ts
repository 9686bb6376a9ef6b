import { AuthenticatedMedusaRequest, MedusaRequest } from "@medusajs/framework/http"
import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE } from "../../modules/distribution"
import DistributionModuleService from "../../modules/distribution/service"

export function distributionService(req: MedusaRequest): DistributionModuleService {
  return req.scope.resolve(DISTRIBUTION_MODULE)
}

/** The programme's currency: the one its settings, level thresholds and reports are in. */
export async function programmeCurrency(container: MedusaContainer): Promise<string> {
  const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
  return (await service.getSettings()).currency_code
}

/** The caller's own distributor record, or a 404 for a customer who is not one. */
export async function requireDistributor(req: AuthenticatedMedusaRequest) {
  const service = distributionService(req)
  const me = await service.retrieveDistributorByCustomer(req.auth_context.actor_id)
  if (!me) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "You are not a distributor")
  }
  return { service, me }
}
