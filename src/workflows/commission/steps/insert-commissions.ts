import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
import { NewCommission } from "../../../modules/distribution/types"
import { sumAmounts } from "../../../modules/distribution/utils/money"

export const insertCommissionsStepId = "insert-order-commissions"

/**
 * Inserts what is not there yet (unique per order, line, distributor, depth) and
 * returns the new rows' ids and total; undoes only its own rows.
 */
export const insertCommissionsStep = createStep(
  insertCommissionsStepId,
  async (rows: NewCommission[], { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const inserted = await service.insertCommissions(rows)
    const ids = inserted.map((r) => r.id)
    return new StepResponse({ ids, amount: sumAmounts(inserted.map((r) => r.amount)) }, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    await service.removePendingCommissions(ids)
  }
)
