import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../modules/distribution"
import DistributionModuleService from "../../modules/distribution/service"
import { NewCommission } from "../../modules/distribution/types"

export const insertCommissionsStepId = "insert-order-commissions"

/** Inserts what is not there yet (unique per order, line, distributor, depth); undoes only its own rows. */
export const insertCommissionsStep = createStep(
  insertCommissionsStepId,
  async (rows: NewCommission[], { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const ids = await service.insertCommissions(rows)
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    await service.removePendingCommissions(ids)
  }
)
