import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
import { DistributorAction } from "../../../modules/distribution/utils/distributor-status"

export type TransitionDistributorStepInput = {
  id: string
  action: DistributorAction
  actor_id?: string | null
  reason?: string | null
}

export const transitionDistributorStepId = "transition-distributor"

/** One decision of the state machine; the compensation restores the previous state. */
export const transitionDistributorStep = createStep(
  transitionDistributorStepId,
  async (input: TransitionDistributorStepInput, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const result = await service.transitionDistributor(input)
    return new StepResponse(result, result.previous)
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    await service.restoreDistributorState(previous)
  }
)
