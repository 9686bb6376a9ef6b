import { listHandler } from "../../../utils/list"
import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createCommissionRuleWorkflow } from "../../../../workflows"
import { runWorkflow } from "../../../utils/workflow"
import { AdminCreateCommissionRuleType } from "./validators"
import { retrieveRule, withTargets } from "./target"

export const GET = listHandler("commission_rule", "commission_rules", { select: ["currency_code"], present: withTargets })

/**
 * One rule per existing variant, product, category or collection: a second one
 * for the same target is refused, one for an unknown target is a 404.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateCommissionRuleType>,
  res: MedusaResponse
) => {
  const rule = await runWorkflow(createCommissionRuleWorkflow, req.scope, {
    rule: req.validatedBody,
    actor_id: req.auth_context.actor_id,
  })
  res.status(201).json({ commission_rule: await retrieveRule(req.scope, rule.id) })
}
