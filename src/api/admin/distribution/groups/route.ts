import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { presentGroup } from "../../../../lib/group-buys"
import { distributionService } from "../../../utils/container"
import { AdminListGroupsType } from "../group-buys/validators"

/** GET /admin/distribution/groups: groups by status, activity or order, the latest first. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { limit, offset, status, group_buy_id, order_id } = req.validatedQuery as AdminListGroupsType
  const service = distributionService(req)
  const ofOrder = order_id ? (await service.listDistributionGroupMembers({ order_id })).map((m) => m.group_id) : undefined
  const [rows, count] = await service.listAndCountDistributionGroups(
    { ...(status ? { status } : {}), ...(group_buy_id ? { group_buy_id } : {}), ...(ofOrder ? { id: ofOrder } : {}) },
    { take: limit, skip: offset, order: { created_at: "DESC", id: "ASC" } }
  )
  const now = new Date()
  res.json({ groups: rows.map((g) => presentGroup(g, now)), count, limit, offset })
}
