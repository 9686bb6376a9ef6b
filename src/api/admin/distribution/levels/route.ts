import { listHandler } from "../../../utils/list"
import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createLevelWorkflow } from "../../../../workflows"
import { programmeCurrency } from "../../../utils/container"
import { presentLevelForAdmin } from "../../../utils/present"
import { runWorkflow } from "../../../utils/workflow"
import { AdminCreateLevelType } from "./validators"

export const GET = listHandler("distribution_level", "levels", {
  present: async (container, rows) => {
    const currency = await programmeCurrency(container)
    return rows.map((level) => presentLevelForAdmin(level, currency))
  },
})

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateLevelType>,
  res: MedusaResponse
) => {
  const level = await runWorkflow(createLevelWorkflow, req.scope, {
    ...req.validatedBody,
    actor_id: req.auth_context.actor_id,
  })
  res.status(201).json({ level: presentLevelForAdmin(level, await programmeCurrency(req.scope)) })
}
