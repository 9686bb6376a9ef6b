import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteCommissionRuleWorkflow, updateCommissionRuleWorkflow } from "../../../../../workflows"
import { distributionService } from "../../../../utils/container"
import { runWorkflow } from "../../../../utils/workflow"
import { AdminUpdateCommissionRuleType } from "../validators"
import { retrieveRule } from "../target"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ commission_rule: await retrieveRule(req.scope, req.params.id) })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateCommissionRuleType>,
  res: MedusaResponse
) => {
  await distributionService(req).retrieveCommissionRule(req.params.id)
  await runWorkflow(updateCommissionRuleWorkflow, req.scope, {
    id: req.params.id,
    changes: req.validatedBody,
    actor_id: req.auth_context.actor_id,
  })
  res.json({ commission_rule: await retrieveRule(req.scope, req.params.id) })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await distributionService(req).retrieveCommissionRule(req.params.id)
  await runWorkflow(deleteCommissionRuleWorkflow, req.scope, {
    id: req.params.id,
    actor_id: req.auth_context.actor_id,
  })
  res.json({ id: req.params.id, object: "commission_rule", deleted: true })
}
