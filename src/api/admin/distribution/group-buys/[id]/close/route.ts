import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { closeGroupBuyWorkflow } from "../../../../../../workflows"
import { presentGroupBuy, retrieveGroupBuy } from "../../../../../../lib/group-buys"
import { runWorkflow } from "../../../../../utils/workflow"

/** POST /admin/distribution/group-buys/:id/close: no new checkout; open groups run to their deadline. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await runWorkflow(closeGroupBuyWorkflow, req.scope, { id: req.params.id, actor_id: req.auth_context.actor_id })
  res.json({ group_buy: presentGroupBuy(await retrieveGroupBuy(req.scope, req.params.id)) })
}
