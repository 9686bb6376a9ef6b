import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"

export const settleBatchStep = createStep(
  "settle-due-commissions",
  async (input: { now?: Date; limit: number; ids?: string[] }, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const result = await service.settleDueCommissions({
      now: input.now ? new Date(input.now) : new Date(),
      limit: input.limit,
      ids: input.ids,
    })
    return new StepResponse(result)
  }
)
