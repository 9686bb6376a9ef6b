import { listHandler } from "../../../utils/list"
import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createLevelWorkflow } from "../../../../workflows"
import { runWorkflow } from "../../../utils/workflow"
import { AdminCreateLevelType } from "../validators"

export const GET = listHandler("distribution_level", "levels")

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateLevelType>,
  res: MedusaResponse
) => {
  const level = await runWorkflow(createLevelWorkflow, req.scope, {
    ...req.validatedBody,
    actor_id: req.auth_context.actor_id,
  })
  res.status(201).json({ level })
}
