import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../../utils/lazy-validation"

const validators = () => require("./validators") as typeof import("./validators")

const W = "/admin/distribution/withdrawals"

export const adminWithdrawalsMiddlewares: MiddlewareRoute[] = [
  {
    matcher: W,
    method: "GET",
    middlewares: [validateQuery(() => validators().AdminListWithdrawals, {})],
  },
  {
    matcher: `${W}/export`,
    method: "GET",
    middlewares: [validateQuery(() => validators().AdminExportWithdrawals, {})],
  },
  { matcher: `${W}/:id/approve`, method: "POST", middlewares: [validateBody(() => validators().AdminApproveWithdrawal)] },
  { matcher: `${W}/:id/reject`, method: "POST", middlewares: [validateBody(() => validators().AdminRejectWithdrawal)] },
  { matcher: `${W}/:id/pay`, method: "POST", middlewares: [validateBody(() => validators().AdminPayWithdrawal)] },
  { matcher: `${W}/bulk-approve`, method: "POST", middlewares: [validateBody(() => validators().AdminBulkApproveWithdrawals)] },
  { matcher: `${W}/bulk-pay`, method: "POST", middlewares: [validateBody(() => validators().AdminBulkPayWithdrawals)] },
]
