import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE } from "../modules/distribution"
import { CouponIssue, CouponSource, DistributionEvents } from "../modules/distribution/constants"
import DistributionModuleService from "../modules/distribution/service"
import { issueDistributorCouponWorkflow, setDistributorCouponStatusWorkflow } from "../workflows"

/**
 * A distributor's coupon follows the distributor: issued on approval (when the
 * programme issues coupons on approval and has a template), made inactive in
 * Medusa when the distributor is suspended, active again when it is
 * reinstated (a coupon an admin disabled stays disabled).
 */
export default async function distributorCoupon({ event, container }: SubscriberArgs<{ id: string }>) {
  const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const distributorId = event.data.id
  if (event.name === DistributionEvents.DISTRIBUTOR_APPROVED) {
    const settings = await service.getSettings()
    if (settings.coupon_issue !== CouponIssue.ON_APPROVAL || !settings.coupon_template_promotion_id) {
      return
    }
    const [existing] = await service.listDistributorCoupons({ distributor_id: distributorId })
    if (existing) {
      return
    }
    const { errors } = await issueDistributorCouponWorkflow(container).run({
      input: { distributor_id: distributorId, source: CouponSource.AUTO },
      throwOnError: false,
    })
    if (errors.length) {
      logger.warn(`distribution: no coupon issued to ${distributorId} on approval: ${errors[0].error?.message}`)
    }
    return
  }
  const [coupon] = await service.listDistributorCoupons({ distributor_id: distributorId })
  if (!coupon) {
    return
  }
  await setDistributorCouponStatusWorkflow(container).run({
    input: { id: coupon.id, move: event.name === DistributionEvents.DISTRIBUTOR_SUSPENDED ? "suspend" : "reactivate" },
  })
}

export const config: SubscriberConfig = {
  event: [
    DistributionEvents.DISTRIBUTOR_APPROVED,
    DistributionEvents.DISTRIBUTOR_SUSPENDED,
    DistributionEvents.DISTRIBUTOR_REINSTATED,
  ],
  context: { subscriberId: "distribution-distributor-coupon" },
}
