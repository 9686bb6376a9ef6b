import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import {
  AdminReportConversion,
  AdminReportCoupons,
  AdminReportLeaderboard,
  AdminReportProducts,
  AdminReportSummary,
  AdminReportTimeseries,
} from "./validators"

const R = "/admin/distribution/reports"

/** /admin/* is authenticated by Medusa; these validate every report's query. */
export const adminReportsMiddlewares: MiddlewareRoute[] = [
  { matcher: `${R}/summary`, method: "GET", middlewares: [validateAndTransformQuery(AdminReportSummary, {})] },
  { matcher: `${R}/timeseries`, method: "GET", middlewares: [validateAndTransformQuery(AdminReportTimeseries, {})] },
  { matcher: `${R}/leaderboard`, method: "GET", middlewares: [validateAndTransformQuery(AdminReportLeaderboard, {})] },
  { matcher: `${R}/products`, method: "GET", middlewares: [validateAndTransformQuery(AdminReportProducts, {})] },
  { matcher: `${R}/coupons`, method: "GET", middlewares: [validateAndTransformQuery(AdminReportCoupons, {})] },
  { matcher: `${R}/conversion`, method: "GET", middlewares: [validateAndTransformQuery(AdminReportConversion, {})] },
]
