import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
import { TransitionWithdrawalInput } from "../../../modules/distribution/types"

export const transitionWithdrawalStepId = "transition-withdrawal"

/** One admin decision on a withdrawal; the compensation restores the previous state, balances and audit. */
export const transitionWithdrawalStep = createStep(
  transitionWithdrawalStepId,
  async (input: TransitionWithdrawalInput, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const result = await service.transitionWithdrawal(input)
    return new StepResponse(result, { previous: result.previous, audit_id: result.audit_id })
  },
  async (decided, { container }) => {
    if (!decided) {
      return
    }
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    await service.restoreWithdrawal(decided)
  }
)
