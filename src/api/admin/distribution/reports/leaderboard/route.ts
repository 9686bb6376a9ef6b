import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LeaderboardRow } from "../../../../../modules/distribution/queries/reports"
import { distributionService } from "../../../../utils/container"
import { resolveReport, sendReport } from "../report"
import { AdminReportLeaderboardType } from "../validators"

const COLUMNS: (keyof LeaderboardRow)[] = ["rank", "distributor_id", "display_name", "email", "referral_code", "value"]

/** GET /admin/distribution/reports/leaderboard: the best distributors of a period by sales, commissions or recruits. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { by, limit } = req.validatedQuery as AdminReportLeaderboardType
  const { window, scope } = await resolveReport(req)
  const rows = await distributionService(req).reportLeaderboard(window, { by, limit })
  sendReport(req, res, { name: `leaderboard-${by}`, scope, body: { by, ...scope, limit, rows }, columns: COLUMNS, rows })
}
