import { authenticate, MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import {
  StoreGetCentreStats,
  StoreGetCentreSummary,
  StoreGetPoster,
  StoreGetReferralLink,
  StoreListEarningProducts,
} from "./centre-validators"

const customer = authenticate("customer", ["session", "bearer"])

const CENTRE_QUERIES: [string, z.ZodType][] = [
  ["/store/distribution/me/summary", StoreGetCentreSummary],
  ["/store/distribution/products", StoreListEarningProducts],
  ["/store/distribution/link", StoreGetReferralLink],
  ["/store/distribution/poster", StoreGetPoster],
  ["/store/distribution/stats", StoreGetCentreStats],
]

/** The distributor centre: every route for the logged-in distributor only, its query validated. */
export const storeCentreMiddlewares: MiddlewareRoute[] = CENTRE_QUERIES.map(([matcher, schema]) => ({
  matcher,
  method: "GET",
  middlewares: [customer, validateAndTransformQuery(schema, {})],
}))
