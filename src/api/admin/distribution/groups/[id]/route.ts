import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { groupMembers, presentGroup, retrieveGroup } from "../../../../../lib/group-buys"

/** GET /admin/distribution/groups/:id: the group with its members, their orders and refund states. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const group = await retrieveGroup(req.scope, req.params.id)
  res.json({ group: { ...presentGroup(group), members: await groupMembers(req.scope, group.id, { masked: false }) } })
}
