import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { moveDistributorWorkflow } from "../../../../../../workflows"
import { respondWithDistributor } from "../../helpers"
import { runWorkflow } from "../../../../../utils/workflow"
import { AdminMoveDistributorType } from "../../validators"

/** Moves the distributor and its whole team under another distributor (null: to the top). */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminMoveDistributorType>,
  res: MedusaResponse
) => {
  await runWorkflow(moveDistributorWorkflow, req.scope, {
    id: req.params.id,
    parent_id: req.validatedBody.parent_id,
    actor_id: req.auth_context.actor_id,
  })
  await respondWithDistributor(req, res, req.params.id)
}
