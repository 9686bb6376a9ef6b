import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery } from "../../../utils/lazy-validation"

const validators = () => require("./validators") as typeof import("./validators")

const R = "/admin/distribution/reports"

/** /admin/* is authenticated by Medusa; these validate every report's query. */
export const adminReportsMiddlewares: MiddlewareRoute[] = [
  { matcher: `${R}/summary`, method: "GET", middlewares: [validateQuery(() => validators().AdminReportSummary, {})] },
  { matcher: `${R}/timeseries`, method: "GET", middlewares: [validateQuery(() => validators().AdminReportTimeseries, {})] },
  { matcher: `${R}/leaderboard`, method: "GET", middlewares: [validateQuery(() => validators().AdminReportLeaderboard, {})] },
  { matcher: `${R}/products`, method: "GET", middlewares: [validateQuery(() => validators().AdminReportProducts, {})] },
  { matcher: `${R}/coupons`, method: "GET", middlewares: [validateQuery(() => validators().AdminReportCoupons, {})] },
  { matcher: `${R}/conversion`, method: "GET", middlewares: [validateQuery(() => validators().AdminReportConversion, {})] },
]
