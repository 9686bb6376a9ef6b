import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { GroupStatus } from "../../../../../../modules/distribution/constants"
import { decideGroupWorkflow } from "../../../../../../workflows"
import { groupMembers, presentGroup, retrieveGroup } from "../../../../../../lib/group-buys"
import { runWorkflow } from "../../../../../utils/workflow"

/** POST /admin/distribution/groups/:id/fail: fails an open group now; its paid members are refunded. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await runWorkflow(decideGroupWorkflow, req.scope, { group_id: req.params.id, outcome: GroupStatus.FAILED, actor_id: req.auth_context.actor_id })
  const group = await retrieveGroup(req.scope, req.params.id)
  res.json({ group: { ...presentGroup(group), members: await groupMembers(req.scope, group.id, { masked: false }) } })
}
