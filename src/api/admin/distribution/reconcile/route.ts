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

const iso = (at: Date | string | null) => (at ? new Date(at).toISOString() : null)

/** The hourly reconcile job's latest runs, newest first: when, how long, which orders' window, what it repaired or why it failed. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const runs = await distributionService(req).listJobRuns(RECONCILE_JOB, 10)
  res.json({
    runs: runs.map((r) => ({
      id: r.id,
      started_at: new Date(r.started_at).toISOString(),
      finished_at: iso(r.finished_at),
      window_from: iso(r.window_from),
      window_to: iso(r.window_to),
      watermark: iso(r.watermark),
      heartbeat_at: iso(r.heartbeat_at),
      result: r.result,
      error: r.error,
    })),
  })
}
