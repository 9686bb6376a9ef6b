import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { applyForDistributionWorkflow } from "../../../../workflows"
import { distributionService } from "../../../utils/container"
import { presentOwnDistributor } from "../../../utils/present"
import { runWorkflow } from "../../../utils/workflow"
import { StoreApplyForDistributionType } from "./validators"

export const POST = async (
  req: AuthenticatedMedusaRequest<StoreApplyForDistributionType>,
  res: MedusaResponse
) => {
  const { referral_code, ...application } = req.validatedBody
  const created = await runWorkflow(applyForDistributionWorkflow, req.scope, {
    customer_id: req.auth_context.actor_id,
    application,
    referral_code,
  })
  const service = distributionService(req)
  const distributor = await service.retrieveDistributorWithPosition(created.id)
  res.status(201).json({ distributor: presentOwnDistributor(service, distributor) })
}
