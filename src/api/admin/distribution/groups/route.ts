import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { presentGroup } from "../../../../lib/group-buys"
import { distributionService } from "../../../utils/container"
import { AdminListGroupsType } from "../group-buys/validators"

/** GET /admin/distribution/groups: groups by status and activity, the latest first. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { limit, offset, status, group_buy_id } = req.validatedQuery as AdminListGroupsType
  const [rows, count] = await distributionService(req).listAndCountDistributionGroups(
    { ...(status ? { status } : {}), ...(group_buy_id ? { group_buy_id } : {}) },
    { take: limit, skip: offset, order: { created_at: "DESC", id: "ASC" } }
  )
  const now = new Date()
  res.json({ groups: rows.map((g) => presentGroup(g, now)), count, limit, offset })
}
