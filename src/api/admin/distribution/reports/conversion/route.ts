import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ConversionRow } from "../../../../../modules/distribution/queries/reports"
import { distributionService } from "../../../../utils/container"
import { resolveReport, sendReport } from "../report"
import { AdminReportConversionType } from "../validators"

const COLUMNS: (keyof ConversionRow)[] = ["distributor_id", "display_name", "referral_code", "visits", "orders", "conversion_rate"]

/** GET /admin/distribution/reports/conversion: visits, orders and orders ÷ visits per distributor. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { limit, offset, order } = req.validatedQuery as AdminReportConversionType
  const { window, scope } = await resolveReport(req)
  const { rows, count } = await distributionService(req).reportConversion(window, { limit, offset, order })
  sendReport(req, res, { name: "conversion", scope, body: { ...scope, rows, count, limit, offset }, columns: COLUMNS, rows })
}
