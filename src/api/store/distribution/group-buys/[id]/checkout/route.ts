import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ActivityKind } from "../../../../../../modules/distribution/constants"
import { checkoutActivity } from "../../../../../../lib/activity/checkout"
import { presentGroup } from "../../../../../../lib/group-buys"
import { distributionService } from "../../../../../utils/container"
import { asHttpError } from "../../../../../utils/workflow"
import { StoreCheckoutGroupBuyType } from "../../validators"

/**
 * POST /store/distribution/group-buys/:id/checkout: activity checkout of a
 * 拼团 — a seat (in group_id, or a new group the buyer leads) reserved with the
 * shared activity reservation, and the one-item Medusa cart to check out
 * with Medusa's own checkout before `reservation_expires_at`.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreCheckoutGroupBuyType>, res: MedusaResponse) => {
  const { group_id, ...body } = req.validatedBody
  const checkout = await checkoutActivity(req.scope, {
    ...body,
    kind: ActivityKind.GROUP_BUY,
    activity_id: req.params.id,
    customer_id: req.auth_context.actor_id,
    sales_channel_id: req.publishable_key_context?.sales_channel_ids?.[0],
    options: { group_id },
  }).catch((e) => {
    throw asHttpError(e)
  })
  const seat = (await distributionService(req).groupSeatOfReservation(checkout.reservation.id))!
  res.status(201).json({
    checkout: {
      cart_id: checkout.cart_id,
      reservation_id: checkout.reservation.id,
      group: presentGroup(seat.group),
      is_leader: seat.member.is_leader,
      overflowed: seat.member.overflowed,
      reservation_expires_at: new Date(checkout.reservation.expires_at).toISOString(),
    },
  })
}
