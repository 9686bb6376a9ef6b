import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"

export const moveDistributorStepId = "move-distributor"

/** Moves a subtree; the compensation moves it back under its previous parent. */
export const moveDistributorStep = createStep(
  moveDistributorStepId,
  async (input: { id: string; parent_id: string | null }, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const result = await service.moveDistributor(input)
    return new StepResponse(result, { id: input.id, parent_id: result.previous_parent_id })
  },
  async (back, { container }) => {
    if (!back) {
      return
    }
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    await service.moveDistributor(back)
  }
)
