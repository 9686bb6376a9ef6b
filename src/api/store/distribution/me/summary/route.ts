import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { programmeCurrency, requireDistributor } from "../../../../utils/container"
import { StoreGetCentreSummaryType } from "../validators"

/** The distributor centre's home: balances, sales and commissions by period, team, level progress. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, StoreGetCentreSummaryType>, res: MedusaResponse) => {
  const { service, me } = await requireDistributor(req)
  const { tz } = req.validatedQuery as StoreGetCentreSummaryType
  const summary = await service.getCentreSummary(me, { tz, now: new Date(), currency_code: await programmeCurrency(req.scope) })
  res.json({ summary })
}
