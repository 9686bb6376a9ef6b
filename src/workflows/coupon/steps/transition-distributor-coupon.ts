import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
import { CouponMove } from "../../../modules/distribution/utils/coupon"

export const transitionDistributorCouponStepId = "transition-distributor-coupon"

/** Moves a coupon's status under a lock (see the service); compensation: the previous status back. */
export const transitionDistributorCouponStep = createStep(
  transitionDistributorCouponStepId,
  async (input: { id: string; move: CouponMove }, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const result = await service.transitionCoupon(input)
    return new StepResponse(result, result.changed ? { id: input.id, status: result.previous } : null)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    await service.restoreCouponStatus(undo.id, undo.status)
  }
)
