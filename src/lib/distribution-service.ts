import { DISTRIBUTION_MODULE } from "../modules/distribution"
import DistributionModuleService from "../modules/distribution/service"

/** The distribution module's service, from a step's container. */
export const distributionService = (container: { resolve: (key: string) => unknown }) =>
  container.resolve(DISTRIBUTION_MODULE) as DistributionModuleService
