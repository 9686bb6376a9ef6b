import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { retrieveGroupBuy } from "../../../../../../lib/group-buys"
import { formatAmount } from "../../../../../../modules/distribution/utils/money"
import { distributionService } from "../../../../../utils/container"

/** GET /admin/distribution/group-buys/:id/report: groups opened, succeeded (virtually), failed, open; GMV of paid members; refunds. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const activity = await retrieveGroupBuy(req.scope, req.params.id)
  const report = await distributionService(req).groupBuyReport(activity.id)
  res.json({
    report: {
      ...report,
      gmv: report.gmv.map((g) => ({ currency_code: g.currency_code, amount: formatAmount(g.amount, g.currency_code) })),
      refunds: report.refunds.map((r) => ({ ...r, amount: formatAmount(r.amount, r.currency_code) })),
    },
  })
}
