import { AuthenticatedMedusaRequest, MiddlewareRoute } from "@medusajs/framework/http"
import { MoneyInput, validateMoney } from "../../../utils/money-input"
import { allowFields } from "../../../utils/query-fields"
import { distributorQueryConfig } from "./query-config"
import type { AdminAdjustBalanceType } from "./validators"
import { validateBody, validateQuery } from "../../../utils/lazy-validation"

const validators = () => require("./validators") as typeof import("./validators")

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
    middlewares: [allowFields(distributorQueryConfig.allowed), validateQuery(() => validators().AdminListDistributors, distributorQueryConfig.list)],
  },
  {
    matcher: `${D}/team`,
    method: "GET",
    middlewares: [validateQuery(() => validators().AdminGetTeam, {})],
  },
  {
    matcher: `${D}/approve`,
    method: "POST",
    middlewares: [validateBody(() => validators().AdminApproveDistributor)],
  },
  {
    matcher: `${D}/level`,
    method: "POST",
    middlewares: [validateBody(() => validators().AdminSetDistributorLevel)],
  },
  ...["suspend", "reinstate"].map((action) => ({
    matcher: `${D}/${action}`,
    method: "POST" as const,
    middlewares: [validateBody(() => validators().AdminReviewDistributor)],
  })),
  {
    matcher: `${D}/reject`,
    method: "POST",
    middlewares: [validateBody(() => validators().AdminRejectDistributor)],
  },
  {
    matcher: `${D}/move`,
    method: "POST",
    middlewares: [validateBody(() => validators().AdminMoveDistributor)],
  },
  {
    matcher: `${D}/ledger`,
    method: "GET",
    middlewares: [validateQuery(() => validators().AdminListLedger, {})],
  },
  {
    matcher: `${D}/adjustments`,
    method: "POST",
    middlewares: [validateBody(() => validators().AdminAdjustBalance), validateMoney(adjustmentMoney)],
  },
]
