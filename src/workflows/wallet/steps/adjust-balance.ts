import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
import { AdjustBalanceInput } from "../../../modules/distribution/types"

/**
 * A manual adjustment of a balance with its audit row, in one transaction;
 * idempotent by the caller's key. Nothing follows it in its workflow, so it
 * has nothing to compensate.
 */
export const adjustBalanceStep = createStep(
  "adjust-distributor-balance",
  async (input: AdjustBalanceInput, { container }) => new StepResponse(await container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE).adjustBalance(input))
)
