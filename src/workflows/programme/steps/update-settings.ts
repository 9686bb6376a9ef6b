import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
import { DistributionSettingsInput } from "../../../modules/distribution/types"

/** Updates the settings row; the compensation restores the fields it changed. */
export const updateSettingsStep = createStep(
  "update-distribution-settings",
  async (input: Partial<DistributionSettingsInput>, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const before = await service.getSettings()
    const after = await service.updateSettings(input)
    const previous = Object.fromEntries(
      Object.keys(input).map((k) => [k, before[k as keyof typeof before]])
    ) as Partial<DistributionSettingsInput>
    return new StepResponse({ before, after }, previous)
  },
  async (previous, { container }) => {
    if (!previous || !Object.keys(previous).length) {
      return
    }
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    await service.updateSettings(previous)
  }
)
