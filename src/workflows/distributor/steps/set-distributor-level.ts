import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"

export type SetDistributorLevelStepInput = {
  id: string
  level_id: string
  /** Approving on the level the applicant already has is not an error; a level change is. */
  allow_unchanged?: boolean
}

export const setDistributorLevelStepId = "set-distributor-level"

/** Puts a distributor on a level; the compensation puts back the level it had. */
export const setDistributorLevelStep = createStep(
  setDistributorLevelStepId,
  async (input: SetDistributorLevelStepInput, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const result = await service.setDistributorLevel(input)
    return new StepResponse(result, { id: input.id, level_id: result.previous_level_id })
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    await service.restoreDistributorLevel(previous)
  }
)
