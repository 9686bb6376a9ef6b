import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { TimeseriesRow } from "../../../../../modules/distribution/queries/reports"
import { distributionService } from "../../../../utils/container"
import { MAX_REPORT_DAYS, resolveReport, sendReport } from "../report"
import { AdminReportTimeseriesType } from "../validators"

const COLUMNS: (keyof TimeseriesRow)[] = [
  "period", "sales", "orders", "commissions", "new_distributors", "withdrawals_requested", "withdrawals_paid", "visits",
]
/** A daily chart of more than this many points is unreadable (and costly): weeks or months then. */
const MAX_DAILY_DAYS = 400

/** GET /admin/distribution/reports/timeseries: every figure per day, week or month, empty periods included. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { interval } = req.validatedQuery as AdminReportTimeseriesType
  const { window, scope } = await resolveReport(
    req,
    interval === "day"
      ? { max_days: MAX_DAILY_DAYS, hint: "use interval=week or interval=month for a longer period" }
      : { max_days: MAX_REPORT_DAYS }
  )
  const series = await distributionService(req).reportTimeseries(window, interval)
  sendReport(req, res, { name: `timeseries-${interval}`, scope, body: { interval, ...scope, series }, columns: COLUMNS, rows: series })
}
