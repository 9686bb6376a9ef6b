import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createCommissionRuleWorkflow } from "../../../../workflows"
import { runWorkflow } from "../../../utils/workflow"
import { AdminCreateCommissionRuleType } from "../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "commission_rule",
    ...req.queryConfig,
    filters: req.filterableFields,
  })
  res.json({
    commission_rules: data,
    count: metadata?.count ?? data.length,
    offset: metadata?.skip ?? 0,
    limit: metadata?.take ?? data.length,
  })
}

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
