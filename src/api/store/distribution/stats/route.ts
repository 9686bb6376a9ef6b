import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { conversionRate } from "../../../../modules/distribution/utils/report-math"
import { statsWindow } from "./helpers"
import { programmeCurrency, requireDistributor } from "../../../utils/container"
import { StoreGetCentreStatsType } from "./validators"

/** The caller's visits, orders, conversion, sales and commissions per day, week or month. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, StoreGetCentreStatsType>, res: MedusaResponse) => {
  const { service, me } = await requireDistributor(req)
  const query = req.validatedQuery as StoreGetCentreStatsType
  const { from, to } = statsWindow(query, new Date())
  const currency_code = (query.currency_code ?? (await programmeCurrency(req.scope))).toLowerCase()
  const series = await service.getCentreStats({
    distributor_id: me.id,
    from,
    to,
    interval: query.interval,
    tz: query.tz,
    currency_code,
  })
  res.json({
    interval: query.interval,
    tz: query.tz,
    currency_code,
    from: from.toISOString(),
    to: to.toISOString(),
    series: series.map((b) => ({ ...b, conversion_rate: conversionRate(b.orders, b.visits) })),
  })
}
