import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../modules/distribution"
import DistributionModuleService from "../../modules/distribution/service"

export const getDistributionSettingsStepId = "get-distribution-settings"

/** Reads the programme's settings (creating the row from the defaults on first use). */
export const getDistributionSettingsStep = createStep(
  getDistributionSettingsStepId,
  async (_: void, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    return new StepResponse(await service.getSettings())
  }
)
