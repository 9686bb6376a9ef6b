import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { reconcileDistributionWorkflow } from "../../../../workflows"
import { presentAmounts } from "../../../utils/present"
import { runWorkflow } from "../../../utils/workflow"
import { AdminReconcileType } from "./validators"

const MISMATCH_AMOUNTS = [
  "cached_available", "ledger_available", "cached_held", "ledger_held", "cached_withdrawn", "ledger_withdrawn",
] as const

/** Balances against the ledger, and missed orders of a window credited again (exactly once). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminReconcileType>, res: MedusaResponse) => {
  const report = await runWorkflow(reconcileDistributionWorkflow, req.scope, req.validatedBody)
  res.json({
    ...report,
    wallet_mismatches: report.wallet_mismatches.map((m) => presentAmounts(m, MISMATCH_AMOUNTS, m.currency_code)),
  })
}
