import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteLevelWorkflow, updateLevelWorkflow } from "../../../../../workflows"
import { distributionService, programmeCurrency } from "../../../../utils/container"
import { presentLevelForAdmin } from "../../../../utils/present"
import { runWorkflow } from "../../../../utils/workflow"
import { AdminUpdateLevelType } from "../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const level = await distributionService(req).retrieveDistributionLevel(req.params.id)
  res.json({ level: presentLevelForAdmin(level, await programmeCurrency(req.scope)) })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateLevelType>,
  res: MedusaResponse
) => {
  await distributionService(req).retrieveDistributionLevel(req.params.id)
  const level = await runWorkflow(updateLevelWorkflow, req.scope, {
    ...req.validatedBody,
    id: req.params.id,
    actor_id: req.auth_context.actor_id,
  })
  res.json({ level: presentLevelForAdmin(level, await programmeCurrency(req.scope)) })
}

/** Deletes a level; its distributors move to the default level (the default itself cannot go). */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const result = await runWorkflow(deleteLevelWorkflow, req.scope, {
    id: req.params.id,
    actor_id: req.auth_context.actor_id,
  })
  res.json({
    id: req.params.id,
    object: "distribution_level",
    deleted: true,
    reassigned: result.reassigned,
    default_level_id: result.default_level_id,
  })
}
