import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
import { programmeCurrency } from "../../../lib/programme-settings"

export const upgradeLevelsStep = createStep(
  "upgrade-distributor-levels",
  async (distributorIds: string[], { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    // Thresholds are amounts in the programme's currency: sales in another one do not count.
    return new StepResponse(await service.upgradeLevels(distributorIds, await programmeCurrency(container)))
  }
)
