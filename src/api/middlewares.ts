import { defineMiddlewares } from "@medusajs/framework/http"
import { adminDistributionMiddlewares } from "./admin/distribution/middlewares"
import { adminReportMiddlewares } from "./admin/distribution/reports/middlewares"
import { storeDistributionMiddlewares } from "./store/distribution/middlewares"
import { storeCentreMiddlewares } from "./store/distribution/centre-middlewares"

export default defineMiddlewares({
  routes: [
    ...storeDistributionMiddlewares,
    ...adminDistributionMiddlewares,
    ...adminReportMiddlewares,
    ...storeCentreMiddlewares,
  ],
})
