import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { endSaleWorkflow } from "../../../../../../workflows"
import { retrieveSale } from "../../../../../../lib/sales"
import { runWorkflow } from "../../../../../utils/workflow"

/** POST /admin/distribution/sales/:id/end: ends a sale now (its price list too). */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await runWorkflow(endSaleWorkflow, req.scope, { id: req.params.id, actor_id: req.auth_context.actor_id })
  res.json({ sale: await retrieveSale(req.scope, req.params.id) })
}
