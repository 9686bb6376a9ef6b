import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import {
  AdminApproveWithdrawal,
  AdminBulkApproveWithdrawals,
  AdminBulkPayWithdrawals,
  AdminExportWithdrawals,
  AdminListWithdrawals,
  AdminPayWithdrawal,
  AdminRejectWithdrawal,
} from "./validators"

const W = "/admin/distribution/withdrawals"

export const adminWithdrawalsMiddlewares: MiddlewareRoute[] = [
  {
    matcher: W,
    method: "GET",
    middlewares: [validateAndTransformQuery(AdminListWithdrawals, {})],
  },
  {
    matcher: `${W}/export`,
    method: "GET",
    middlewares: [validateAndTransformQuery(AdminExportWithdrawals, {})],
  },
  { matcher: `${W}/:id/approve`, method: "POST", middlewares: [validateAndTransformBody(AdminApproveWithdrawal)] },
  { matcher: `${W}/:id/reject`, method: "POST", middlewares: [validateAndTransformBody(AdminRejectWithdrawal)] },
  { matcher: `${W}/:id/pay`, method: "POST", middlewares: [validateAndTransformBody(AdminPayWithdrawal)] },
  { matcher: `${W}/bulk-approve`, method: "POST", middlewares: [validateAndTransformBody(AdminBulkApproveWithdrawals)] },
  { matcher: `${W}/bulk-pay`, method: "POST", middlewares: [validateAndTransformBody(AdminBulkPayWithdrawals)] },
]
