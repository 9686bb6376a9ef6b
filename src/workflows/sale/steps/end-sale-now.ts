import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"

export const endSaleNowStepId = "end-distribution-sale-now"

/**
 * Closes a sale's window now (409 when it already ended), claiming the
 * announcement of its end, and of its start when it ran unannounced
 * (`started`). Compensation: its window and announcements as they were.
 */
export const endSaleNowStep = createStep(
  endSaleNowStepId,
  async (input: { id: string }, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const { sale, previous, started } = await service.endSaleNow({ id: input.id, now: new Date() })
    return new StepResponse({ sale, started }, previous)
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    await service.restoreSaleWindow(previous)
  }
)
