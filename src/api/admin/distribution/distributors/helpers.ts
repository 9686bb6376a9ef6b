import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { DistributorAction } from "../../../../modules/distribution/utils/distributor-status"
import { reviewDistributorWorkflow } from "../../../../workflows"
import { distributionService } from "../../../utils/container"
import { presentDistributorForAdmin } from "../../../utils/present"
import { runWorkflow } from "../../../utils/workflow"

/** The admin's answer after any change to a distributor: its fresh state. */
export async function respondWithDistributor(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse,
  id: string
) {
  const service = distributionService(req)
  const distributor = await service.retrieveDistributorWithPosition(id)
  res.json({ distributor: presentDistributorForAdmin(service, distributor) })
}

/** POST /admin/distribution/distributors/:id/<action>: one decision of the state machine. */
export const reviewHandler =
  (action: DistributorAction) =>
  async (
    req: AuthenticatedMedusaRequest<{ reason?: string | null; level_id?: string }>,
    res: MedusaResponse
  ) => {
    await runWorkflow(reviewDistributorWorkflow, req.scope, {
      id: req.params.id,
      action,
      actor_id: req.auth_context.actor_id,
      reason: req.validatedBody?.reason ?? null,
      level_id: req.validatedBody?.level_id ?? null,
    })
    await respondWithDistributor(req, res, req.params.id)
  }
