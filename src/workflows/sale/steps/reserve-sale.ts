import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
import { SaleReservation } from "../../../modules/distribution/types"

export const reserveSaleStepId = "reserve-distribution-sale"

/**
 * Writes the sale's window and variants under the sales lock, refusing a
 * variant another sale holds during the window (409, nothing written).
 * Compensation: removes a new sale, or puts a changed one back as it was.
 */
export const reserveSaleStep = createStep(
  reserveSaleStepId,
  async (input: SaleReservation, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const { sale, previous } = await service.reserveSale(input)
    return new StepResponse(sale, { id: sale.id, previous })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    await service.restoreSale(undo)
  }
)
