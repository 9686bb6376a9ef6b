import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updateDistributionSettingsWorkflow } from "../../../../workflows"
import { programmeSettings } from "../../../utils/container"
import { presentSettings } from "../../../utils/present"
import { runWorkflow } from "../../../utils/workflow"
import { AdminUpdateSettingsType } from "./validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ settings: presentSettings(await programmeSettings(req.scope)) })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateSettingsType>,
  res: MedusaResponse
) => {
  await runWorkflow(updateDistributionSettingsWorkflow, req.scope, {
    settings: req.validatedBody,
    actor_id: req.auth_context.actor_id,
  })
  res.json({ settings: presentSettings(await programmeSettings(req.scope)) })
}
