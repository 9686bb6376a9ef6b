import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE } from "../modules/distribution"
import { ActivityKind } from "../modules/distribution/constants"
import DistributionModuleService from "../modules/distribution/service"
import { checkoutRefusal, GroupPrice } from "../modules/distribution/utils/group-buy"
import { refusalError } from "../modules/distribution/utils/refusal"
import { confirmGroupMemberWorkflow } from "../workflows/group-buy/confirm-group-member"
import type { ActivityKindHandler } from "./activity/kinds"

const service = (container: MedusaContainer): DistributionModuleService => container.resolve(DISTRIBUTION_MODULE)

/**
 * 拼团 as a kind of activity checkout: the shared machinery reserves, makes the
 * cart, guards it and consumes or releases the reservation; the kind names
 * the activity's terms and keeps its groups in step (the seat itself is taken
 * in the reservation's transaction, DistributionModuleService.reserveActivity).
 */
export const groupBuyKind: ActivityKindHandler = {
  kind: ActivityKind.GROUP_BUY,

  async checkoutTerms(container, request) {
    const [activity] = await service(container).listDistributionGroupBuys({ id: request.activity_id })
    if (!activity) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Group buy ${request.activity_id} was not found`)
    }
    // The per-customer limit is the shared reservation's (counted under its lock).
    const refusal = checkoutRefusal({ ...activity, per_customer_limit: null }, { quantity: request.quantity, units_held: 0, now: request.now })
    if (refusal) {
      throw refusalError(refusal)
    }
    const price = (activity.prices as unknown as GroupPrice[]).find(
      (p) => p.variant_id === request.variant_id && p.currency_code === request.currency_code
    )
    if (!price) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `The variant ${request.variant_id} has no ${request.currency_code.toUpperCase()} group price in the group buy "${activity.name}"`
      )
    }
    const groupId = request.options?.group_id
    return {
      name: activity.name,
      unit_price: price.amount,
      per_customer_limit: activity.per_customer_limit,
      allow_coupons: false,
      expires_at: new Date(request.now.getTime() + activity.reservation_minutes * 60_000),
      seat: {
        group_id: typeof groupId === "string" ? groupId : null,
        overflow: activity.overflow,
        size: activity.group_size,
        currency_code: request.currency_code,
        unit_price: price.amount,
      },
    }
  },

  async commissionPolicies(container, ids) {
    const rows = await service(container).listDistributionGroupBuys({ id: ids }, { withDeleted: true })
    return new Map(rows.map((g) => [g.id, g]))
  },

  async onConsumed(container, reservation) {
    await confirmGroupMemberWorkflow(container).run({ input: { reservation_id: reservation.id, order_id: reservation.order_id! } })
  },

  async onReleased(container, reservation) {
    await service(container).releaseGroupSeat({ reservation_id: reservation.id })
  },
}
