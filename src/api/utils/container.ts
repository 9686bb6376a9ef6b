import { MedusaRequest } from "@medusajs/framework/http"
import { DISTRIBUTION_MODULE } from "../../modules/distribution"
import DistributionModuleService from "../../modules/distribution/service"

export function distributionService(req: MedusaRequest): DistributionModuleService {
  return req.scope.resolve(DISTRIBUTION_MODULE)
}
