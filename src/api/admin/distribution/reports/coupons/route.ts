import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { formatAmount } from "../../../../../modules/distribution/utils/money"
import { distributionService } from "../../../../utils/container"
import { resolveReport, sendReport } from "../report"
import { AdminReportCouponsType } from "../validators"

const COLUMNS = ["coupon_id", "code", "distributor_id", "status", "uses", "sales", "commission"] as const

/**
 * GET /admin/distribution/reports/coupons: per distributor coupon, the orders
 * placed with it in the window (uses), their sales (lines after discounts,
 * before tax and shipping) and the owner's commission on them, most sales first;
 * `totals` sums the whole window (every page).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery as AdminReportCouponsType
  const { window, scope } = await resolveReport(req)
  const { rows, count, totals } = await distributionService(req).getCouponReport({
    start: window.start,
    end: window.end,
    currency_code: window.currency_code,
    limit,
    offset,
  })
  const coupons = rows.map((r) => ({
    coupon_id: r.coupon_id,
    code: r.code,
    distributor_id: r.distributor_id,
    status: r.status,
    uses: Number(r.uses),
    sales: formatAmount(r.sales, window.currency_code),
    commission: formatAmount(r.commission, window.currency_code),
  }))
  sendReport(req, res, {
    name: "coupons",
    scope,
    body: {
      ...scope,
      totals: {
        coupons: totals.coupons,
        uses: totals.uses,
        sales: formatAmount(totals.sales, window.currency_code),
        commission: formatAmount(totals.commission, window.currency_code),
      },
      coupons,
      count,
      limit,
      offset,
    },
    columns: [...COLUMNS],
    rows: coupons,
  })
}
