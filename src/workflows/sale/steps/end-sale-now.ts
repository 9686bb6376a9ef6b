import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"

export const endSaleNowStepId = "end-distribution-sale-now"

/** Closes a sale's window now (409 when it already ended). Compensation: its window as it was. */
export const endSaleNowStep = createStep(
  endSaleNowStepId,
  async (input: { id: string }, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const { sale, previous } = await service.endSaleNow({ id: input.id, now: new Date() })
    return new StepResponse(sale, previous)
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    await service.restoreSaleWindow(previous)
  }
)
