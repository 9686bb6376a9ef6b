import {
  MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import {
  auditLogQueryConfig,
  bindingQueryConfig,
  commissionQueryConfig,
  commissionRuleQueryConfig,
  distributorQueryConfig,
  levelQueryConfig,
} from "./query-config"
import {
  AdminAdjustBalance,
  AdminApproveDistributor,
  AdminSetDistributorLevel,
  AdminReconcile,
  AdminCreateCommissionRule,
  AdminListCommissionRules,
  AdminListCommissions,
  AdminListLedger,
  AdminUpdateCommissionRule,
  AdminCreateBinding,
  AdminCreateLevel,
  AdminGetTeam,
  AdminListAuditLogs,
  AdminListBindings,
  AdminListDistributors,
  AdminListLevels,
  AdminMoveDistributor,
  AdminRejectDistributor,
  AdminReviewDistributor,
  AdminUpdateLevel,
  AdminUpdateSettings,
  AdminApproveWithdrawal,
  AdminBulkApproveWithdrawals,
  AdminBulkPayWithdrawals,
  AdminExportWithdrawals,
  AdminListWithdrawals,
  AdminPayWithdrawal,
  AdminRejectWithdrawal,
} from "./validators"
import { adjustmentMoney, levelMoney, ruleMoney, settingsMoney } from "./money"
import { validateMoney } from "../../utils/money-input"
import { allowFields } from "../../utils/query-fields"

const D = "/admin/distribution/distributors/:id"
const W = "/admin/distribution/withdrawals"

/** /admin/* is authenticated by Medusa for every route; these add validation. */
export const adminDistributionMiddlewares: MiddlewareRoute[] = [
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
    matcher: "/admin/distribution/levels",
    method: "GET",
    middlewares: [allowFields(levelQueryConfig.allowed), validateAndTransformQuery(AdminListLevels, levelQueryConfig.list)],
  },
  {
    matcher: "/admin/distribution/levels",
    method: "POST",
    middlewares: [validateAndTransformBody(AdminCreateLevel), validateMoney(levelMoney)],
  },
  {
    matcher: "/admin/distribution/levels/:id",
    method: "POST",
    middlewares: [validateAndTransformBody(AdminUpdateLevel), validateMoney(levelMoney)],
  },
  {
    matcher: "/admin/distribution/settings",
    method: "POST",
    middlewares: [validateAndTransformBody(AdminUpdateSettings), validateMoney(settingsMoney)],
  },
  {
    matcher: "/admin/distribution/bindings",
    method: "GET",
    middlewares: [allowFields(bindingQueryConfig.allowed), validateAndTransformQuery(AdminListBindings, bindingQueryConfig.list)],
  },
  {
    matcher: "/admin/distribution/bindings",
    method: "POST",
    middlewares: [validateAndTransformBody(AdminCreateBinding)],
  },
  {
    matcher: "/admin/distribution/commission-rules",
    method: "GET",
    middlewares: [allowFields(commissionRuleQueryConfig.allowed), validateAndTransformQuery(AdminListCommissionRules, commissionRuleQueryConfig.list)],
  },
  {
    matcher: "/admin/distribution/commission-rules",
    method: "POST",
    middlewares: [validateAndTransformBody(AdminCreateCommissionRule), validateMoney(ruleMoney)],
  },
  {
    matcher: "/admin/distribution/commission-rules/:id",
    method: "POST",
    middlewares: [validateAndTransformBody(AdminUpdateCommissionRule), validateMoney(ruleMoney)],
  },
  {
    matcher: "/admin/distribution/commissions",
    method: "GET",
    middlewares: [allowFields(commissionQueryConfig.allowed), validateAndTransformQuery(AdminListCommissions, commissionQueryConfig.list)],
  },
  {
    matcher: "/admin/distribution/commissions/export",
    method: "GET",
    middlewares: [allowFields(commissionQueryConfig.allowed), validateAndTransformQuery(AdminListCommissions, { isList: true, defaults: ["id"] })],
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
  {
    matcher: "/admin/distribution/reconcile",
    method: "POST",
    middlewares: [validateAndTransformBody(AdminReconcile)],
  },
  {
    matcher: "/admin/distribution/audit-logs",
    method: "GET",
    middlewares: [allowFields(auditLogQueryConfig.allowed), validateAndTransformQuery(AdminListAuditLogs, auditLogQueryConfig.list)],
  },
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
