import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CreatePromotionDTO, CreatePromotionRuleDTO, PromotionRuleDTO } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import { CouponCommission, CouponSource, DistributorStatus } from "../../../modules/distribution/constants"
import DistributionModuleService from "../../../modules/distribution/service"
import { couponCode } from "../../../modules/distribution/utils/coupon"

export type IssueDistributorCouponInput = {
  distributor_id: string
  source: CouponSource
  actor_id?: string | null
  /** The coupon's own commission policy (null: the programme's). */
  commission_policy?: CouponCommission | null
  rate_bps_1?: number | null
  rate_bps_2?: number | null
  rate_bps_3?: number | null
}

export type PreparedCoupon = {
  input: IssueDistributorCouponInput
  code: string
  template_promotion_id: string
  promotion: CreatePromotionDTO
}

const rulesOf = (rules: PromotionRuleDTO[] | undefined | null): CreatePromotionRuleDTO[] =>
  (rules ?? []).map((r) => ({
    attribute: r.attribute!,
    operator: r.operator!,
    description: r.description ?? null,
    values: r.values.map((v) => v.value!),
  }))

export const prepareDistributorCouponStepId = "prepare-distributor-coupon"

/**
 * Reads what a distributor's coupon is made from and checks it can be made:
 * the programme's template promotion, an active distributor with a referral
 * code and no coupon yet, and a code no promotion has. The new promotion is
 * the template's clone — its type, application method (with its target and buy
 * rules), rules, limit and campaign (so a campaign budget, such as once per
 * customer, is shared by every distributor's coupon) — with the coupon's code,
 * active and never automatic. Reads only.
 */
export const prepareDistributorCouponStep = createStep(
  prepareDistributorCouponStepId,
  async (input: IssueDistributorCouponInput, { container }): Promise<StepResponse<PreparedCoupon>> => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const promotions = container.resolve(Modules.PROMOTION)
    const settings = await service.getSettings()
    if (!settings.coupon_template_promotion_id) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "No coupon template is chosen: pick a promotion as coupon_template_promotion_id in the programme's settings first"
      )
    }
    const [distributor] = await service.listDistributors({ id: input.distributor_id })
    if (!distributor) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Distributor ${input.distributor_id} was not found`)
    }
    if (distributor.status !== DistributorStatus.ACTIVE || !distributor.referral_code) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Only an active distributor gets a coupon (this one is ${distributor.status})`
      )
    }
    const [existing] = await service.listDistributorCoupons({ distributor_id: distributor.id })
    if (existing) {
      throw new MedusaError(MedusaError.Types.CONFLICT, `The distributor already has the coupon ${existing.code}`)
    }
    const [template] = await promotions.listPromotions(
      { id: settings.coupon_template_promotion_id },
      {
        relations: [
          "application_method",
          "application_method.target_rules",
          "application_method.target_rules.values",
          "application_method.buy_rules",
          "application_method.buy_rules.values",
          "rules",
          "rules.values",
        ],
      }
    )
    if (!template?.application_method) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `The coupon template promotion ${settings.coupon_template_promotion_id} no longer exists: choose another in the settings`
      )
    }
    const code = couponCode(settings.coupon_code_prefix, distributor.referral_code)
    const [taken] = await promotions.listPromotions({ code }, { select: ["id"] })
    if (taken) {
      throw new MedusaError(MedusaError.Types.CONFLICT, `The code ${code} is already used by another promotion`)
    }
    const method = template.application_method
    const promotion: CreatePromotionDTO = {
      code,
      type: template.type!,
      status: "active",
      is_automatic: false,
      is_tax_inclusive: template.is_tax_inclusive ?? false,
      limit: (template as { limit?: number | null }).limit ?? null,
      campaign_id: template.campaign_id ?? undefined,
      rules: rulesOf(template.rules),
      application_method: {
        type: method.type!,
        target_type: method.target_type!,
        allocation: method.allocation ?? undefined,
        value: method.value === undefined ? undefined : Number(method.value),
        currency_code: method.currency_code ?? undefined,
        max_quantity: method.max_quantity ?? null,
        apply_to_quantity: method.apply_to_quantity ?? null,
        buy_rules_min_quantity: method.buy_rules_min_quantity ?? null,
        target_rules: rulesOf(method.target_rules),
        buy_rules: rulesOf(method.buy_rules),
      },
      metadata: {
        distribution_coupon: true,
        distributor_id: distributor.id,
        template_promotion_id: template.id,
      },
    }
    return new StepResponse({ input, code, template_promotion_id: template.id, promotion })
  }
)
