import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updateSaleWorkflow } from "../../../../../workflows"
import { retrieveSale } from "../../../../../lib/sales"
import { runWorkflow } from "../../../../utils/workflow"
import { AdminUpdateSaleType } from "../validators"

/** GET /admin/distribution/sales/:id: a sale with its variants and prices. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ sale: await retrieveSale(req.scope, req.params.id) })
}

/** POST /admin/distribution/sales/:id: changes a sale that has not ended (window, prices, policy). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateSaleType>, res: MedusaResponse) => {
  await runWorkflow(updateSaleWorkflow, req.scope, { ...req.validatedBody, id: req.params.id, actor_id: req.auth_context.actor_id })
  res.json({ sale: await retrieveSale(req.scope, req.params.id) })
}
