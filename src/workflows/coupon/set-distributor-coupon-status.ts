import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep, updatePromotionsStatusWorkflow } from "@medusajs/medusa/core-flows"
import { AuditActorType, CouponStatus, DistributionEvents } from "../../modules/distribution/constants"
import { CouponMove, promotionStatusOf } from "../../modules/distribution/utils/coupon"
import { recordAuditStep } from "../audit/record-audit-step"
import { transitionDistributorCouponStep } from "./steps/transition-distributor-coupon"

export type SetDistributorCouponStatusInput = {
  id: string
  move: CouponMove
  /** An admin's id for disable/enable; none when the owner's suspension or reinstatement moves it. */
  actor_id?: string | null
}

const EVENT_OF: Record<CouponMove, string> = {
  disable: DistributionEvents.COUPON_DISABLED,
  enable: DistributionEvents.COUPON_ENABLED,
  suspend: DistributionEvents.COUPON_SUSPENDED,
  reactivate: DistributionEvents.COUPON_REACTIVATED,
}

/**
 * Disables, enables, suspends or reactivates a coupon: its row under a lock,
 * then its Medusa promotion active or inactive through Medusa's own
 * updatePromotionsStatusWorkflow (a failure there puts the row back). An
 * admin's move is audited. Emits distribution.coupon.<disabled|enabled|
 * suspended|reactivated> when something changed.
 */
export const setDistributorCouponStatusWorkflow = createWorkflow(
  "set-distributor-coupon-status",
  (input: SetDistributorCouponStatusInput) => {
    const result = transitionDistributorCouponStep(transform({ input }, ({ input }) => ({ id: input.id, move: input.move })))
    const promotionChange = transform({ result }, ({ result }) => ({
      changed: result.changed && promotionStatusOf(result.previous as CouponStatus) !== promotionStatusOf(result.status as CouponStatus),
      promotionsData: [{ id: result.promotion_id, status: promotionStatusOf(result.status as CouponStatus) }],
    }))
    when("coupon-promotion-status-changed", { promotionChange }, ({ promotionChange }) => promotionChange.changed).then(() => {
      updatePromotionsStatusWorkflow.runAsStep({
        input: transform({ promotionChange }, ({ promotionChange }) => ({ promotionsData: promotionChange.promotionsData })),
      })
    })
    when("coupon-moved-by-admin", { input, result }, ({ input, result }) => result.changed && !!input.actor_id).then(() => {
      recordAuditStep(
        transform({ input, result }, ({ input, result }) => [
          {
            actor_type: AuditActorType.ADMIN,
            actor_id: input.actor_id ?? null,
            action: `coupon.${input.move}`,
            entity_type: "coupon",
            entity_id: input.id,
            data: { from: result.previous, to: result.status, promotion_id: result.promotion_id },
          },
        ])
      )
    })
    when("coupon-status-changed", { result }, ({ result }) => result.changed).then(() => {
      emitEventStep({
        eventName: transform({ input }, ({ input }) => EVENT_OF[input.move]),
        data: transform({ input, result }, ({ input, result }) => ({
          id: input.id,
          distributor_id: result.distributor_id,
          promotion_id: result.promotion_id,
          from: result.previous,
          to: result.status,
        })),
      })
    })
    return new WorkflowResponse(result)
  }
)
