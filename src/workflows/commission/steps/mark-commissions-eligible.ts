import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"

export const markEligibleStep = createStep(
  "mark-commissions-eligible",
  async (input: { order_id: string; eligible_at: Date }, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    return new StepResponse(await service.markCommissionsEligible(input))
  }
)
