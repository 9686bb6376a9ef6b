import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { presentGroup } from "../../../../../lib/group-buys"
import { formatAmount } from "../../../../../modules/distribution/utils/money"
import { distributionService } from "../../../../utils/container"
import { StoreListGroupBuysType } from "../validators"

/** GET /store/distribution/group-buys/me: the buyer's seats in groups, the latest first, each with its group's state. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery as StoreListGroupBuysType
  const service = distributionService(req)
  const [members, count] = await service.listAndCountDistributionGroupMembers(
    { customer_id: req.auth_context.actor_id },
    { take: limit, skip: offset, order: { created_at: "DESC", id: "ASC" } }
  )
  const groups = members.length ? await service.listDistributionGroups({ id: [...new Set(members.map((m) => m.group_id))] }) : []
  const groupOf = new Map(groups.map((g) => [g.id, g]))
  const now = new Date()
  res.json({
    groups: members.map((m) => ({
      group: presentGroup(groupOf.get(m.group_id)!, now),
      is_leader: m.is_leader,
      status: m.status,
      variant_id: m.variant_id,
      quantity: m.quantity,
      unit_price: formatAmount(m.unit_price, m.currency_code),
      reservation_id: m.reservation_id,
      order_id: m.order_id,
      refund_status: m.refund_status,
    })),
    count,
    limit,
    offset,
  })
}
