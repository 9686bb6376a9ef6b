import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { bindCustomerWorkflow } from "../../../../workflows"
import { distributionService } from "../../../utils/container"
import { presentBinding } from "../../../utils/present"
import { runWorkflow } from "../../../utils/workflow"
import { StoreBindDistributorType } from "./validators"

/**
 * Called by the storefront after login or registration with the code the buyer
 * arrived through. `changed: false` with a reason when the rules keep the
 * existing binding (first touch, not a new customer).
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreBindDistributorType>,
  res: MedusaResponse
) => {
  const result = await runWorkflow(bindCustomerWorkflow, req.scope, {
    customer_id: req.auth_context.actor_id,
    referral_code: req.validatedBody.referral_code,
    source: req.validatedBody.source,
  })
  const service = distributionService(req)
  const referrer = result.binding
    ? await service.retrieveDistributor(result.binding.distributor_id)
    : null
  res.json({
    binding: presentBinding(result.binding, referrer),
    changed: result.changed,
    reason: result.reason ?? null,
  })
}
