import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { BindingSource } from "../../../../modules/distribution/constants"
import { bindCustomerWorkflow } from "../../../../workflows"
import { runWorkflow } from "../../../utils/workflow"
import { AdminCreateBindingType } from "../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "referral_binding",
    ...req.queryConfig,
    filters: req.filterableFields,
  })
  res.json({
    bindings: data,
    count: metadata?.count ?? data.length,
    offset: metadata?.skip ?? 0,
    limit: metadata?.take ?? data.length,
  })
}

/** An admin binds a customer to a distributor, whatever the binding mode; audited. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateBindingType>,
  res: MedusaResponse
) => {
  const result = await runWorkflow(bindCustomerWorkflow, req.scope, {
    customer_id: req.validatedBody.customer_id,
    distributor_id: req.validatedBody.distributor_id,
    source: BindingSource.ADMIN,
    admin_id: req.auth_context.actor_id,
  })
  res.status(result.changed ? 201 : 200).json({ binding: result.binding, changed: result.changed })
}
