import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import { GroupBuyStatus } from "../../../modules/distribution/constants"
import DistributionModuleService from "../../../modules/distribution/service"
import { DistributionGroupBuyDTO } from "../../../modules/distribution/types"

/** Closes an activity to new checkouts (a second close is a 409); its open groups run to their deadline. */
export const closeGroupBuyStep = createStep(
  "close-distribution-group-buy",
  async (input: { id: string; now: Date }, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const [current] = await service.listDistributionGroupBuys({ id: input.id })
    if (!current) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Group buy ${input.id} was not found`)
    }
    if (current.status === GroupBuyStatus.CLOSED) {
      throw new MedusaError(MedusaError.Types.CONFLICT, `The group buy "${current.name}" is already closed`)
    }
    const closed = await service.updateDistributionGroupBuys({ id: current.id, status: GroupBuyStatus.CLOSED, closed_at: input.now })
    return new StepResponse(closed as DistributionGroupBuyDTO, current.id)
  },
  async (id, { container }) => {
    if (id) {
      const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
      await service.updateDistributionGroupBuys({ id, status: GroupBuyStatus.ACTIVE, closed_at: null })
    }
  }
)
