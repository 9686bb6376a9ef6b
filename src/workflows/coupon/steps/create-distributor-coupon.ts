import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
import { DistributorCouponDTO } from "../../../modules/distribution/types"
import { isUniqueViolation } from "../../../modules/distribution/utils/sql"
import { IssueDistributorCouponInput } from "./prepare-distributor-coupon"

export const createDistributorCouponStepId = "create-distributor-coupon"

/**
 * Writes the coupon row that makes the promotion the distributor's. One per
 * distributor (a unique index): of two concurrent issues one wins, the other
 * fails here and its promotion is removed by the workflow's compensation.
 * Compensation: deletes the row.
 */
export const createDistributorCouponStep = createStep(
  createDistributorCouponStepId,
  async (input: { issue: IssueDistributorCouponInput; promotion_id: string; code: string }, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    let coupon: DistributorCouponDTO
    try {
      coupon = await service.createDistributorCoupons({
        distributor_id: input.issue.distributor_id,
        promotion_id: input.promotion_id,
        code: input.code,
        source: input.issue.source,
        commission_policy: input.issue.commission_policy ?? null,
        rate_bps_1: input.issue.rate_bps_1 ?? null,
        rate_bps_2: input.issue.rate_bps_2 ?? null,
        rate_bps_3: input.issue.rate_bps_3 ?? null,
      })
    } catch (e) {
      if (isUniqueViolation(e)) {
        throw new MedusaError(MedusaError.Types.CONFLICT, "The distributor already has a coupon")
      }
      throw e
    }
    return new StepResponse(coupon, coupon.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    await service.deleteDistributorCoupons(id)
  }
)
