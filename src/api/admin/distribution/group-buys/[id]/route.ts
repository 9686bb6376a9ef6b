import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { saveGroupBuyWorkflow } from "../../../../../workflows"
import { presentGroupBuy, retrieveGroupBuy } from "../../../../../lib/group-buys"
import { runWorkflow } from "../../../../utils/workflow"
import { AdminUpdateGroupBuyType } from "../validators"

/** GET /admin/distribution/group-buys/:id */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ group_buy: presentGroupBuy(await retrieveGroupBuy(req.scope, req.params.id)) })
}

/** POST /admin/distribution/group-buys/:id: changes an activity that is not closed (groups already formed keep their size and deadline). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateGroupBuyType>, res: MedusaResponse) => {
  await runWorkflow(saveGroupBuyWorkflow, req.scope, { id: req.params.id, fields: req.validatedBody, actor_id: req.auth_context.actor_id })
  res.json({ group_buy: presentGroupBuy(await retrieveGroupBuy(req.scope, req.params.id)) })
}
