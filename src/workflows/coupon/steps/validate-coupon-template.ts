import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"

export const validateCouponTemplateStepId = "validate-coupon-template"

/**
 * A coupon template named in a settings change must be a promotion of the
 * store with an application method, and not a distributor's coupon itself:
 * otherwise 400 and nothing is written. Null (no coupons) and a change that
 * names no template pass. Reads only.
 */
export const validateCouponTemplateStep = createStep(
  validateCouponTemplateStepId,
  async (input: { coupon_template_promotion_id?: string | null }, { container }) => {
    const id = input.coupon_template_promotion_id
    if (id === undefined || id === null) {
      return new StepResponse(null)
    }
    const promotions = container.resolve(Modules.PROMOTION)
    const [template] = await promotions.listPromotions({ id }, { relations: ["application_method"], select: ["id", "code"] })
    if (!template) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `coupon_template_promotion_id: no promotion ${id.slice(0, 60)} exists`)
    }
    if (!template.application_method) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `coupon_template_promotion_id: the promotion ${template.code} has no discount to copy`
      )
    }
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const [coupon] = await service.listDistributorCoupons({ promotion_id: id })
    if (coupon) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `coupon_template_promotion_id: the promotion ${template.code} is a distributor's coupon, not a template`
      )
    }
    return new StepResponse(template.id)
  }
)
