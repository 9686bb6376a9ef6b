import {
  authenticate,
  MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import {
  StoreApplyForDistribution,
  StoreBindDistributor,
  StoreGetTeam,
  StoreListCommissions,
  StoreListOrders,
  StoreListWithdrawals,
  StoreRecordVisit,
  StoreRequestWithdrawal,
} from "./validators"

const customer = authenticate("customer", ["session", "bearer"])

export const storeDistributionMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/distribution/apply",
    method: "POST",
    middlewares: [customer, validateAndTransformBody(StoreApplyForDistribution)],
  },
  { matcher: "/store/distribution/me", method: "GET", middlewares: [customer] },
  {
    matcher: "/store/distribution/bind",
    method: "POST",
    middlewares: [customer, validateAndTransformBody(StoreBindDistributor)],
  },
  {
    matcher: "/store/distribution/team",
    method: "GET",
    middlewares: [customer, validateAndTransformQuery(StoreGetTeam, {})],
  },
  {
    matcher: "/store/distribution/commissions",
    method: "GET",
    middlewares: [customer, validateAndTransformQuery(StoreListCommissions, {})],
  },
  {
    matcher: "/store/distribution/orders",
    method: "GET",
    middlewares: [customer, validateAndTransformQuery(StoreListOrders, {})],
  },
  {
    matcher: "/store/distribution/withdrawals",
    method: "POST",
    middlewares: [customer, validateAndTransformBody(StoreRequestWithdrawal)],
  },
  {
    matcher: "/store/distribution/withdrawals",
    method: "GET",
    middlewares: [customer, validateAndTransformQuery(StoreListWithdrawals, {})],
  },
  { matcher: "/store/distribution/withdrawals/:id", method: "GET", middlewares: [customer] },
  {
    matcher: "/store/distribution/visits",
    method: "POST",
    middlewares: [validateAndTransformBody(StoreRecordVisit)],
  },
]
