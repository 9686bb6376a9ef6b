import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { distributionService } from "../../utils/container"

/** How late the oldest due commission may be before the programme reads "degraded": six runs of the job. */
export const SETTLEMENT_LAG_LIMIT_SECONDS = 60 * 60

/**
 * GET /health/distribution: the programme's readiness, beside Medusa's /health
 * (public, no key: for a load balancer or a monitor). 200 while the plugin's
 * tables answer, with the settlement backlog: how many commissions are due and
 * not settled yet and how late the oldest is; "degraded" once it is later than
 * six runs of the settlement job (the job is not running, or cannot keep up).
 * 503 when the database does not answer.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const now = new Date()
  try {
    const backlog = await distributionService(req).getSettlementBacklog(now)
    const lag = backlog.oldest_due_at ? Math.max(0, Math.floor((now.getTime() - backlog.oldest_due_at.getTime()) / 1000)) : 0
    res.setHeader("Cache-Control", "no-store")
    res.status(200).json({
      status: lag > SETTLEMENT_LAG_LIMIT_SECONDS ? "degraded" : "ok",
      database: "ok",
      settlement: {
        due: backlog.due,
        oldest_due_at: backlog.oldest_due_at?.toISOString() ?? null,
        lag_seconds: lag,
        lag_limit_seconds: SETTLEMENT_LAG_LIMIT_SECONDS,
      },
    })
  } catch (error) {
    req.scope.resolve<Logger>(ContainerRegistrationKeys.LOGGER).error(`distribution health: ${(error as Error).message}`)
    res.setHeader("Cache-Control", "no-store")
    res.status(503).json({ status: "down", database: "unreachable", message: "The distribution tables do not answer" })
  }
}
