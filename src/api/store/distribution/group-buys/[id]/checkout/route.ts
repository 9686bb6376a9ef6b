import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { checkoutGroupBuyWorkflow } from "../../../../../../workflows"
import { presentGroup } from "../../../../../../lib/group-buys"
import { runWorkflow } from "../../../../../utils/workflow"
import { StoreCheckoutGroupBuyType } from "../../validators"

/**
 * POST /store/distribution/group-buys/:id/checkout: reserves a seat (in
 * group_id, or a new group the buyer leads) and answers the one-item Medusa
 * cart to check out with Medusa's normal checkout before `reservation_expires_at`.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreCheckoutGroupBuyType>, res: MedusaResponse) => {
  const result = await runWorkflow(checkoutGroupBuyWorkflow, req.scope, {
    ...req.validatedBody,
    group_buy_id: req.params.id,
    customer_id: req.auth_context.actor_id,
    sales_channel_id: req.publishable_key_context?.sales_channel_ids?.[0] ?? null,
  })
  res.status(201).json({
    checkout: {
      cart_id: result.cart_id,
      group: presentGroup(result.group),
      is_leader: result.member.is_leader,
      overflowed: result.overflowed,
      reservation_expires_at: new Date(result.member.reservation_expires_at).toISOString(),
    },
  })
}
