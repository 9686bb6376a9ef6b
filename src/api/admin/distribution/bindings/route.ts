import { listHandler } from "../../../utils/list"
import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { BindingSource } from "../../../../modules/distribution/constants"
import { bindCustomerWorkflow } from "../../../../workflows"
import { runWorkflow } from "../../../utils/workflow"
import { AdminCreateBindingType } from "./validators"

export const GET = listHandler("referral_binding", "bindings")

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
