import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../modules/distribution"
import DistributionModuleService from "../../modules/distribution/service"
import { TransitionWithdrawalInput } from "../../modules/distribution/types"

export const transitionWithdrawalStepId = "transition-withdrawal"

/** One admin decision on a withdrawal; the compensation restores the previous state and balances. */
export const transitionWithdrawalStep = createStep(
  transitionWithdrawalStepId,
  async (input: TransitionWithdrawalInput, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const result = await service.transitionWithdrawal(input)
    return new StepResponse(result, result.previous)
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    await service.restoreWithdrawal(previous)
  }
)
