import { authenticate, MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import {
  StoreGetCentreStats,
  StoreGetCentreSummary,
  StoreGetPoster,
  StoreGetReferralLink,
  StoreListEarningProducts,
} from "./centre-validators"

const customer = authenticate("customer", ["session", "bearer"])

/** The distributor centre: every route for the logged-in distributor only. */
export const storeCentreMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/distribution/me/summary",
    method: "GET",
    middlewares: [customer, validateAndTransformQuery(StoreGetCentreSummary, {})],
  },
  {
    matcher: "/store/distribution/products",
    method: "GET",
    middlewares: [customer, validateAndTransformQuery(StoreListEarningProducts, {})],
  },
  {
    matcher: "/store/distribution/link",
    method: "GET",
    middlewares: [customer, validateAndTransformQuery(StoreGetReferralLink, {})],
  },
  {
    matcher: "/store/distribution/poster",
    method: "GET",
    middlewares: [customer, validateAndTransformQuery(StoreGetPoster, {})],
  },
  {
    matcher: "/store/distribution/stats",
    method: "GET",
    middlewares: [customer, validateAndTransformQuery(StoreGetCentreStats, {})],
  },
]
