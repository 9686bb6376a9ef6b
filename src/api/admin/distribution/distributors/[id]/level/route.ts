import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { setDistributorLevelWorkflow } from "../../../../../../workflows"
import { respondWithDistributor } from "../../helpers"
import { runWorkflow } from "../../../../../utils/workflow"
import { AdminSetDistributorLevelType } from "../../validators"

/** Puts the distributor on a level, up or down, with the reason (audited). */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminSetDistributorLevelType>,
  res: MedusaResponse
) => {
  await runWorkflow(setDistributorLevelWorkflow, req.scope, {
    id: req.params.id,
    level_id: req.validatedBody.level_id,
    reason: req.validatedBody.reason,
    actor_id: req.auth_context.actor_id,
  })
  await respondWithDistributor(req, res, req.params.id)
}
