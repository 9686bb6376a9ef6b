import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { distributionService, programmeCurrency } from "../../../../utils/container"
import { resolveReport, sendReport } from "../report"

/** GET /admin/distribution/reports/summary: the programme's headline figures for a period. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { window, scope } = await resolveReport(req)
  const service = distributionService(req)
  const [s, held, programme] = await Promise.all([service.reportSummary(window), service.reportCurrencies(), programmeCurrency(req.scope)])
  // The programme's currency first, then every other one it holds money in: what the overview's switch offers.
  const currencies = [programme, ...held.filter((c) => c !== programme)]
  const row = {
    ...scope,
    ...Object.fromEntries(Object.entries(s.distributors).map(([k, v]) => [`distributors_${k}`, v])),
    pending_applications: s.pending_applications,
    pending_withdrawals_count: s.pending_withdrawals.count,
    pending_withdrawals_amount: s.pending_withdrawals.amount,
    sales: s.sales,
    orders: s.orders,
    ...Object.fromEntries(Object.entries(s.commissions).map(([k, v]) => [`commissions_${k}`, v])),
    withdrawals_requested: s.withdrawals_requested,
    withdrawn: s.withdrawn,
    visits: s.visits,
    conversion_rate: s.conversion_rate,
  }
  sendReport(req, res, { name: "summary", scope, body: { ...scope, currencies, ...s }, columns: Object.keys(row), rows: [row] })
}
