import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"

export const attachSalePriceListStepId = "attach-distribution-sale-price-list"

/** Records the Medusa price list a new sale owns. The sale's own compensation removes the row. */
export const attachSalePriceListStep = createStep(
  attachSalePriceListStepId,
  async (input: { id: string; price_list_id: string }, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    return new StepResponse(await service.attachSalePriceList(input))
  }
)
