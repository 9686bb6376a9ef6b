import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { groupMembers, groupShare, presentGroup, retrieveGroup } from "../../../../../lib/group-buys"

/**
 * GET /store/distribution/groups/:id: a group's page: seats and time left, its
 * paid members masked, its link, and the leader's share of it (the Share every
 * share route gives: the referral URL and the mini-program's page and scene).
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const group = await retrieveGroup(req.scope, req.params.id)
  const [members, link] = await Promise.all([groupMembers(req.scope, group.id, { masked: true }), groupShare(req.scope, group)])
  res.json({ group: { ...presentGroup(group), members, ...link } })
}
