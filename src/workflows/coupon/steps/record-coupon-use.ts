import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
import { CouponUseFacts } from "../../commission/steps/load-order-commission-facts"

export const recordCouponUseStepId = "record-coupon-use"

/**
 * Records an order's use of a distributor coupon with its sales: once per
 * order (a replay records nothing). No compensation: the row states a fact of
 * the placed order, whatever a later step does.
 */
export const recordCouponUseStep = createStep(recordCouponUseStepId, async (use: CouponUseFacts, { container }) => {
  const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
  return new StepResponse(await service.recordCouponUse(use))
})
