import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
import { RequestWithdrawalInput } from "../../../modules/distribution/types"

export const requestWithdrawalStepId = "request-withdrawal"

/**
 * Creates the request, holds its amount and audits it, in one transaction; the
 * compensation undoes all three (only for a request it created).
 */
export const requestWithdrawalStep = createStep(
  requestWithdrawalStepId,
  async (input: RequestWithdrawalInput, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const result = await service.requestWithdrawal(input)
    return new StepResponse(result, result.created ? result.withdrawal_id : null)
  },
  async (createdId, { container }) => {
    if (!createdId) {
      return
    }
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    await service.cancelWithdrawalRequest(createdId)
  }
)
