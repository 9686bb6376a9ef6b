import { defineMiddlewares } from "@medusajs/framework/http"
import { adminAuditLogsMiddlewares } from "./admin/distribution/audit-logs/middlewares"
import { adminBindingsMiddlewares } from "./admin/distribution/bindings/middlewares"
import { adminCommissionRulesMiddlewares } from "./admin/distribution/commission-rules/middlewares"
import { adminCouponsMiddlewares } from "./admin/distribution/coupons/middlewares"
import { adminCommissionsMiddlewares } from "./admin/distribution/commissions/middlewares"
import { adminCustomerGroupsMiddlewares } from "./admin/distribution/customer-groups/middlewares"
import { adminDistributorsMiddlewares } from "./admin/distribution/distributors/middlewares"
import { adminLevelsMiddlewares } from "./admin/distribution/levels/middlewares"
import { adminReconcileMiddlewares } from "./admin/distribution/reconcile/middlewares"
import { adminReportsMiddlewares } from "./admin/distribution/reports/middlewares"
import { adminSalesMiddlewares } from "./admin/distribution/sales/middlewares"
import { adminGroupBuysMiddlewares } from "./admin/distribution/group-buys/middlewares"
import { adminFlashSalesMiddlewares } from "./admin/distribution/flash-sales/middlewares"
import { adminSettingsMiddlewares } from "./admin/distribution/settings/middlewares"
import { adminWithdrawalsMiddlewares } from "./admin/distribution/withdrawals/middlewares"
import { storeApplyMiddlewares } from "./store/distribution/apply/middlewares"
import { storeBindMiddlewares } from "./store/distribution/bind/middlewares"
import { storeCouponMiddlewares } from "./store/distribution/coupon/middlewares"
import { storeCommissionsMiddlewares } from "./store/distribution/commissions/middlewares"
import { storeLinkMiddlewares } from "./store/distribution/link/middlewares"
import { storeMeMiddlewares } from "./store/distribution/me/middlewares"
import { storeOrdersMiddlewares } from "./store/distribution/orders/middlewares"
import { storePosterMiddlewares } from "./store/distribution/poster/middlewares"
import { storeSalesMiddlewares } from "./store/distribution/sales/middlewares"
import { storeGroupBuysMiddlewares } from "./store/distribution/group-buys/middlewares"
import { activityCartMiddlewares } from "./store/distribution/activity-cart-middlewares"
import { storeProductsMiddlewares } from "./store/distribution/products/middlewares"
import { storeStatsMiddlewares } from "./store/distribution/stats/middlewares"
import { storeTeamMiddlewares } from "./store/distribution/team/middlewares"
import { storeVisitsMiddlewares } from "./store/distribution/visits/middlewares"
import { storeWithdrawalsMiddlewares } from "./store/distribution/withdrawals/middlewares"
import { distributionErrorHandler, refuseMalformedInput } from "./utils/input-hygiene"
import { PORTAL_PATH, servePortal } from "./utils/portal"
import { trackResponse } from "../lib/after-response"

export default defineMiddlewares({
  errorHandler: distributionErrorHandler(),
  routes: [
    // First, for every plugin route: no route of the plugin sees a malformed request.
    // (A path Express cannot even decode fails before any middleware: the error
    // handler below answers that one.)
    { matcher: "/admin/distribution*", middlewares: [refuseMalformedInput] },
    { matcher: "/store/distribution*", middlewares: [refuseMalformedInput] },
    { matcher: "/health/distribution*", middlewares: [refuseMalformedInput] },
    // The routes that place orders: the plugin's order.placed subscribers start once the
    // buyer (or admin) has the response, not while it is being prepared (lib/after-response).
    { matcher: "/store/carts/:id/complete", method: "POST", middlewares: [trackResponse] },
    { matcher: "/admin/draft-orders/:id/convert-to-order", method: "POST", middlewares: [trackResponse] },
    // The distributor portal's static files and config.js (outside /store: no key, no auth).
    { matcher: PORTAL_PATH, middlewares: [servePortal] },
    // Each resource's own: /admin/* is authenticated by Medusa, these validate;
    // the store's authenticate the customer where the route is theirs.
    ...storeApplyMiddlewares,
    ...storeMeMiddlewares,
    ...storeBindMiddlewares,
    ...storeVisitsMiddlewares,
    ...storeTeamMiddlewares,
    ...storeCommissionsMiddlewares,
    ...storeOrdersMiddlewares,
    ...storeProductsMiddlewares,
    ...storeLinkMiddlewares,
    ...storePosterMiddlewares,
    ...storeStatsMiddlewares,
    ...storeWithdrawalsMiddlewares,
    ...storeCouponMiddlewares,
    ...storeSalesMiddlewares,
    ...storeGroupBuysMiddlewares,
    ...activityCartMiddlewares,
    ...adminDistributorsMiddlewares,
    ...adminLevelsMiddlewares,
    ...adminSettingsMiddlewares,
    ...adminBindingsMiddlewares,
    ...adminCommissionRulesMiddlewares,
    ...adminCommissionsMiddlewares,
    ...adminReconcileMiddlewares,
    ...adminAuditLogsMiddlewares,
    ...adminWithdrawalsMiddlewares,
    ...adminReportsMiddlewares,
    ...adminCustomerGroupsMiddlewares,
    ...adminCouponsMiddlewares,
    ...adminSalesMiddlewares,
    ...adminGroupBuysMiddlewares,
    ...adminFlashSalesMiddlewares,
  ],
})
