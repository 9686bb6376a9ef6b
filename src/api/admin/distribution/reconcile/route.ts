import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { reconcileDistributionWorkflow } from "../../../../workflows"
import { runWorkflow } from "../../../utils/workflow"
import { AdminReconcileType } from "../validators"

/** Balances against the ledger, and missed orders of a window credited again (exactly once). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminReconcileType>, res: MedusaResponse) => {
  const report = await runWorkflow(reconcileDistributionWorkflow, req.scope, req.validatedBody)
  res.json(report)
}
