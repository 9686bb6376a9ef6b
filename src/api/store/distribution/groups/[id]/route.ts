import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { groupMembers, groupShare, presentGroup, retrieveGroup } from "../../../../../lib/group-buys"

/** GET /store/distribution/groups/:id: a group's page: seats and time left, its paid members masked, and its share link. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const group = await retrieveGroup(req.scope, req.params.id)
  const [members, share] = await Promise.all([groupMembers(req.scope, group.id, { masked: true }), groupShare(req.scope, group)])
  res.json({ group: { ...presentGroup(group), members, share } })
}
