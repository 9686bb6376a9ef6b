import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { GroupStatus } from "../../../../../modules/distribution/constants"
import { presentGroup, presentGroupBuy, retrieveGroupBuy } from "../../../../../lib/group-buys"
import { distributionService } from "../../../../utils/container"

/** GET /store/distribution/group-buys/:id: the activity and its open groups with seats left, the soonest to expire first. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const activity = await retrieveGroupBuy(req.scope, req.params.id)
  const now = new Date()
  const groups = await distributionService(req).listDistributionGroups(
    { group_buy_id: activity.id, status: GroupStatus.OPEN, expires_at: { $gt: now } },
    { take: 20, order: { expires_at: "ASC", id: "ASC" } }
  )
  res.json({
    group_buy: { ...presentGroupBuy(activity), open_groups: groups.map((g) => presentGroup(g, now)).filter((g) => g.seats_left > 0) },
  })
}
