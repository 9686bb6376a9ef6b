import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { reconcileDistributionWorkflow } from "../../../../workflows"
import { RECONCILE_JOB } from "../../../../modules/distribution/constants"
import { distributionService } from "../../../utils/container"
import { presentAmounts } from "../../../utils/present"
import { runWorkflow } from "../../../utils/workflow"
import { AdminReconcileType } from "./validators"

const MISMATCH_AMOUNTS = [
  "cached_available", "ledger_available", "cached_held", "ledger_held", "cached_withdrawn", "ledger_withdrawn",
] as const

/** Balances against the ledger, and what lost events left undone for the orders of a window, repaired (exactly once). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminReconcileType>, res: MedusaResponse) => {
  const report = await runWorkflow(reconcileDistributionWorkflow, req.scope, req.validatedBody)
  res.json({
    ...report,
    wallet_mismatches: report.wallet_mismatches.map((m) => presentAmounts(m, MISMATCH_AMOUNTS, m.currency_code)),
  })
}

/** The hourly reconcile job's latest runs, newest first: when, how long, what it repaired or why it failed. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const runs = await distributionService(req).listJobRuns(RECONCILE_JOB, 10)
  res.json({
    runs: runs.map((r) => ({
      id: r.id,
      started_at: new Date(r.started_at).toISOString(),
      finished_at: r.finished_at ? new Date(r.finished_at).toISOString() : null,
      result: r.result,
      error: r.error,
    })),
  })
}
