import { defineMiddlewares } from "@medusajs/framework/http"
import { adminDistributionMiddlewares } from "./admin/distribution/middlewares"
import { adminReportMiddlewares } from "./admin/distribution/reports/middlewares"
import { storeDistributionMiddlewares } from "./store/distribution/middlewares"
import { storeCentreMiddlewares } from "./store/distribution/centre-middlewares"
import { distributionErrorHandler, refuseMalformedInput } from "./utils/input-hygiene"

export default defineMiddlewares({
  errorHandler: distributionErrorHandler(),
  routes: [
    // First, for every plugin route: no route of the plugin sees a malformed request.
    // (A path Express cannot even decode fails before any middleware: the error
    // handler below answers that one.)
    { matcher: "/admin/distribution*", middlewares: [refuseMalformedInput] },
    { matcher: "/store/distribution*", middlewares: [refuseMalformedInput] },
    ...storeDistributionMiddlewares,
    ...adminDistributionMiddlewares,
    ...adminReportMiddlewares,
    ...storeCentreMiddlewares,
  ],
})
