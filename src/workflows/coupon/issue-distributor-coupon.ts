import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createPromotionsWorkflow, emitEventStep } from "@medusajs/medusa/core-flows"
import { AuditActorType, CouponSource, DistributionEvents } from "../../modules/distribution/constants"
import { recordAuditStep } from "../audit/record-audit-step"
import { createDistributorCouponStep } from "./steps/create-distributor-coupon"
import { IssueDistributorCouponInput, prepareDistributorCouponStep } from "./steps/prepare-distributor-coupon"

export type { IssueDistributorCouponInput }

const ACTOR_OF: Record<CouponSource, AuditActorType> = {
  auto: AuditActorType.SYSTEM,
  admin: AuditActorType.ADMIN,
  request: AuditActorType.CUSTOMER,
}

/**
 * Issues a distributor its coupon: a Medusa promotion cloned from the
 * programme's template by Medusa's own createPromotionsWorkflow (code = the
 * referral code, or the prefix + code), then the row that makes it the
 * distributor's. A distributor has at most one; a failure after the promotion
 * was made removes it again. Audited; emits distribution.coupon.issued.
 */
export const issueDistributorCouponWorkflow = createWorkflow(
  "issue-distributor-coupon",
  (input: IssueDistributorCouponInput) => {
    const prepared = prepareDistributorCouponStep(input)
    const promotions = createPromotionsWorkflow.runAsStep({
      input: transform({ prepared }, ({ prepared }) => ({ promotionsData: [prepared.promotion] })),
    })
    const coupon = createDistributorCouponStep(
      transform({ prepared, promotions }, ({ prepared, promotions }) => ({
        issue: prepared.input,
        promotion_id: promotions[0].id,
        code: prepared.code,
      }))
    )
    recordAuditStep(
      transform({ input, coupon, prepared }, ({ input, coupon, prepared }) => [
        {
          actor_type: ACTOR_OF[input.source],
          actor_id: input.actor_id ?? null,
          action: "coupon.issue",
          entity_type: "coupon",
          entity_id: coupon.id,
          data: {
            distributor_id: coupon.distributor_id,
            promotion_id: coupon.promotion_id,
            code: coupon.code,
            source: coupon.source,
            template_promotion_id: prepared.template_promotion_id,
          },
        },
      ])
    )
    emitEventStep({
      eventName: DistributionEvents.COUPON_ISSUED,
      data: transform({ coupon }, ({ coupon }) => ({
        id: coupon.id,
        distributor_id: coupon.distributor_id,
        promotion_id: coupon.promotion_id,
        code: coupon.code,
        source: coupon.source,
      })),
    })
    return new WorkflowResponse(coupon)
  }
)
