import {
  AuthenticatedMedusaRequest,
  MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { MoneyInput, validateMoney } from "../../../utils/money-input"
import { allowFields } from "../../../utils/query-fields"
import { distributorQueryConfig } from "./query-config"
import {
  AdminAdjustBalance,
  AdminAdjustBalanceType,
  AdminApproveDistributor,
  AdminGetTeam,
  AdminListDistributors,
  AdminListLedger,
  AdminMoveDistributor,
  AdminRejectDistributor,
  AdminReviewDistributor,
  AdminSetDistributorLevel,
} from "./validators"

const D = "/admin/distribution/distributors/:id"

/** An adjustment's amount: in a currency the store has. */
const adjustmentMoney = (req: AuthenticatedMedusaRequest<AdminAdjustBalanceType>): MoneyInput => ({
  currency_code: req.validatedBody.currency_code,
  amounts: { amount: req.validatedBody.amount },
  store_currency: true,
})

export const adminDistributorsMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/distribution/distributors",
    method: "GET",
    middlewares: [allowFields(distributorQueryConfig.allowed), validateAndTransformQuery(AdminListDistributors, distributorQueryConfig.list)],
  },
  {
    matcher: `${D}/team`,
    method: "GET",
    middlewares: [validateAndTransformQuery(AdminGetTeam, {})],
  },
  {
    matcher: `${D}/approve`,
    method: "POST",
    middlewares: [validateAndTransformBody(AdminApproveDistributor)],
  },
  {
    matcher: `${D}/level`,
    method: "POST",
    middlewares: [validateAndTransformBody(AdminSetDistributorLevel)],
  },
  ...["suspend", "reinstate"].map((action) => ({
    matcher: `${D}/${action}`,
    method: "POST" as const,
    middlewares: [validateAndTransformBody(AdminReviewDistributor)],
  })),
  {
    matcher: `${D}/reject`,
    method: "POST",
    middlewares: [validateAndTransformBody(AdminRejectDistributor)],
  },
  {
    matcher: `${D}/move`,
    method: "POST",
    middlewares: [validateAndTransformBody(AdminMoveDistributor)],
  },
  {
    matcher: `${D}/ledger`,
    method: "GET",
    middlewares: [validateAndTransformQuery(AdminListLedger, {})],
  },
  {
    matcher: `${D}/adjustments`,
    method: "POST",
    middlewares: [validateAndTransformBody(AdminAdjustBalance), validateMoney(adjustmentMoney)],
  },
]
