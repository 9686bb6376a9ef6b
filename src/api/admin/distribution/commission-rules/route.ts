import { listHandler } from "../../../utils/list"
import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createCommissionRuleWorkflow } from "../../../../workflows"
import { runWorkflow } from "../../../utils/workflow"
import { AdminCreateCommissionRuleType } from "../validators"

export const GET = listHandler("commission_rule", "commission_rules")

/** One rule per variant, product, category or collection: a second one for the same target is refused. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateCommissionRuleType>,
  res: MedusaResponse
) => {
  const rule = await runWorkflow(createCommissionRuleWorkflow, req.scope, {
    rule: req.validatedBody,
    actor_id: req.auth_context.actor_id,
  })
  res.status(201).json({ commission_rule: rule })
}
