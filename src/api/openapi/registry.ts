import { z } from "@medusajs/framework/zod"
import { AdminListAuditLogs } from "../admin/distribution/audit-logs/validators"
import { AdminCreateBinding, AdminListBindings } from "../admin/distribution/bindings/validators"
import {
  AdminCreateCommissionRule,
  AdminListCommissionRules,
  AdminUpdateCommissionRule,
} from "../admin/distribution/commission-rules/validators"
import { AdminListCommissions } from "../admin/distribution/commissions/validators"
import {
  AdminBulkIssueCoupons,
  AdminIssueCoupon,
  AdminListCoupons,
  AdminSetCouponStatus,
  AdminUpdateCoupon,
} from "../admin/distribution/coupons/validators"
import { StoreRequestCoupon } from "../store/distribution/coupon/validators"
import { AdminCreateSale, AdminEndSale, AdminListSales, AdminUpdateSale } from "../admin/distribution/sales/validators"
import { StoreListSales } from "../store/distribution/sales/validators"
import { AdminCreateGroupBuy, AdminEmptyBody, AdminListGroupBuys, AdminListGroups, AdminUpdateGroupBuy } from "../admin/distribution/group-buys/validators"
import { StoreCheckoutGroupBuy, StoreListGroupBuys } from "../store/distribution/group-buys/validators"
import {
  AdminCloseFlashSale,
  AdminCreateFlashSale,
  AdminListFlashSaleReservations,
  AdminListFlashSales,
  AdminUpdateFlashSale,
} from "../admin/distribution/flash-sales/validators"
import { StoreCheckoutFlashSale, StoreListFlashSales } from "../store/distribution/flash-sales/validators"
import { StoreListActivityReservations } from "../store/distribution/activity-reservations/validators"
import {
  AdminAdjustBalance,
  AdminApproveDistributor,
  AdminGetTeam,
  AdminListDistributors,
  AdminListLedger,
  AdminMoveDistributor,
  AdminRejectDistributor,
  AdminReviewDistributor,
  AdminSetDistributorLevel,
} from "../admin/distribution/distributors/validators"
import { AdminSyncCustomerGroups } from "../admin/distribution/customer-groups/validators"
import { AdminCreateLevel, AdminListLevels, AdminUpdateLevel } from "../admin/distribution/levels/validators"
import { AdminReconcile } from "../admin/distribution/reconcile/validators"
import {
  AdminReportConversion,
  AdminReportLeaderboard,
  AdminReportProducts,
  AdminReportSummary,
  AdminReportTimeseries,
  AdminReportCoupons,
} from "../admin/distribution/reports/validators"
import { AdminUpdateSettings } from "../admin/distribution/settings/validators"
import {
  AdminApproveWithdrawal,
  AdminBulkApproveWithdrawals,
  AdminBulkPayWithdrawals,
  AdminExportWithdrawals,
  AdminListWithdrawals,
  AdminPayWithdrawal,
  AdminRejectWithdrawal,
} from "../admin/distribution/withdrawals/validators"
import { StoreApplyForDistribution } from "../store/distribution/apply/validators"
import { StoreBindDistributor } from "../store/distribution/bind/validators"
import { StoreListCommissions } from "../store/distribution/commissions/validators"
import { StoreGetReferralLink } from "../store/distribution/link/validators"
import { StoreGetCentreSummary } from "../store/distribution/me/validators"
import { StoreListOrders } from "../store/distribution/orders/validators"
import { StoreGetPoster } from "../store/distribution/poster/validators"
import { StoreListEarningProducts } from "../store/distribution/products/validators"
import { StoreGetCentreStats } from "../store/distribution/stats/validators"
import { StoreGetTeam, StoreGetTeamChildren } from "../store/distribution/team/validators"
import { StoreRecordVisit } from "../store/distribution/visits/validators"
import { StoreListWithdrawals, StoreRequestWithdrawal } from "../store/distribution/withdrawals/validators"
import * as S from "./schemas"

export type Access = "public" | "customer" | "admin"

/** The media type of a body that is not JSON (a CSV, an image). */
export type MediaDoc = { media: string; description: string }
/** A status's body: JSON of a zod schema, another media type, or either (e.g. JSON, or CSV with format=csv). */
export type ResponseDoc = z.ZodType | MediaDoc | (z.ZodType | MediaDoc)[]

/** One route of the plugin: what it takes and what it returns, by status. */
export type RouteDoc = {
  method: "get" | "post" | "delete"
  /** Medusa's path syntax: `:id` for a parameter. */
  path: string
  summary: string
  access: Access
  query?: z.ZodType
  body?: z.ZodType
  responses: Record<number, ResponseDoc>
  /** Error statuses the route answers with `{ type, message }`. */
  errors?: number[]
}

const D = "/admin/distribution/distributors/:id"
const W = "/admin/distribution/withdrawals"
const R = "/admin/distribution/reports"
const GB = "/admin/distribution/group-buys"
const G = "/admin/distribution/groups"
const CSV: MediaDoc = { media: "text/csv", description: "CSV (UTF-8 with BOM)" }
const PNG: MediaDoc = { media: "image/png", description: "PNG image" }

/** Every store and admin route of the plugin, one entry each. */
export const ROUTES: RouteDoc[] = [
  // ---------------------------------------------------------------- store
  { method: "post", path: "/store/distribution/apply", summary: "Apply to become a distributor", access: "customer", body: StoreApplyForDistribution, responses: { 201: S.StoreApplyResponse }, errors: [400, 401, 409] },
  { method: "get", path: "/store/distribution/me", summary: "Own status, balances, binding and the programme's rules", access: "customer", responses: { 200: S.StoreMeResponse }, errors: [401] },
  { method: "get", path: "/store/distribution/me/summary", summary: "Distributor centre home: balances, sales and commissions by period, team, level progress", access: "customer", query: StoreGetCentreSummary, responses: { 200: S.StoreSummaryResponse }, errors: [400, 401, 404] },
  { method: "post", path: "/store/distribution/bind", summary: "Bind the logged-in customer to a distributor's code", access: "customer", body: StoreBindDistributor, responses: { 200: S.StoreBindResponse }, errors: [400, 401, 404] },
  { method: "post", path: "/store/distribution/visits", summary: "Record a visit through a referral link, code or QR", access: "public", body: StoreRecordVisit, responses: { 201: S.StoreVisitResponse, 200: S.StoreVisitResponse }, errors: [400, 404, 429] },
  { method: "get", path: "/store/distribution/team", summary: "The caller's team at one depth, masked", access: "customer", query: StoreGetTeam, responses: { 200: S.StoreTeamResponse }, errors: [400, 401, 404] },
  { method: "get", path: "/store/distribution/team/:id/children", summary: "One member's direct recruits, masked: the team opened member by member (404 outside the caller's team or below its depths)", access: "customer", query: StoreGetTeamChildren, responses: { 200: S.StoreTeamChildrenResponse }, errors: [400, 401, 404] },
  { method: "get", path: "/store/distribution/commissions", summary: "The caller's commissions, newest first", access: "customer", query: StoreListCommissions, responses: { 200: S.StoreCommissionsResponse }, errors: [400, 401, 404] },
  { method: "get", path: "/store/distribution/orders", summary: "Orders the caller earns from, live status, buyer masked", access: "customer", query: StoreListOrders, responses: { 200: S.StoreOrdersResponse }, errors: [400, 401, 404] },
  { method: "get", path: "/store/distribution/products", summary: "Products that earn a commission, with the caller's level-1 commission per variant", access: "customer", query: StoreListEarningProducts, responses: { 200: S.StoreProductsResponse }, errors: [400, 401, 404] },
  { method: "get", path: "/store/distribution/link", summary: "The caller's referral URL for a store path, with its QR code", access: "customer", query: StoreGetReferralLink, responses: { 200: S.StoreLinkResponse }, errors: [400, 401, 404] },
  { method: "get", path: "/store/distribution/poster", summary: "A PNG share poster of a product with the caller's QR code", access: "customer", query: StoreGetPoster, responses: { 200: PNG }, errors: [400, 401, 404] },
  { method: "get", path: "/store/distribution/stats", summary: "Visits, orders, conversion, sales and commissions per day, week or month", access: "customer", query: StoreGetCentreStats, responses: { 200: S.StoreStatsResponse }, errors: [400, 401, 404] },
  { method: "get", path: "/store/distribution/withdrawals", summary: "The caller's withdrawals, newest first", access: "customer", query: StoreListWithdrawals, responses: { 200: S.StoreWithdrawalsResponse }, errors: [400, 401, 404] },
  { method: "post", path: "/store/distribution/withdrawals", summary: "Request a withdrawal (the amount is held at once)", access: "customer", body: StoreRequestWithdrawal, responses: { 201: S.StoreWithdrawalRequestedResponse, 200: S.StoreWithdrawalRequestedResponse }, errors: [400, 401, 404, 409, 429] },
  { method: "get", path: "/store/distribution/withdrawals/:id", summary: "One of the caller's withdrawals", access: "customer", responses: { 200: S.StoreWithdrawalResponse }, errors: [401, 404] },
  { method: "get", path: "/store/distribution/coupon", summary: "The caller's coupon: its code, what it gives, its uses, sales and commission", access: "customer", responses: { 200: S.StoreCouponResponse }, errors: [401, 404] },
  { method: "get", path: "/store/distribution/group-buys", summary: "拼团 activities running now", access: "public", query: StoreListGroupBuys, responses: { 200: S.StoreGroupBuysResponse }, errors: [400] },
  { method: "get", path: "/store/distribution/group-buys/me", summary: "The buyer's own group seats with their groups' states", access: "customer", query: StoreListGroupBuys, responses: { 200: S.StoreMyGroupsResponse }, errors: [400, 401] },
  { method: "get", path: "/store/distribution/group-buys/:id", summary: "A 拼团 activity with its open groups to join", access: "public", responses: { 200: S.StoreGroupBuyResponse }, errors: [404] },
  { method: "post", path: "/store/distribution/group-buys/:id/checkout", summary: "Reserve a seat (in group_id, or a new group) and get a one-item Medusa cart at the group price", access: "customer", body: StoreCheckoutGroupBuy, responses: { 201: S.StoreGroupCheckoutResponse }, errors: [400, 401, 404, 409] },
  { method: "get", path: "/store/distribution/groups/:id", summary: "A group's page: seats and time left, members masked, the share link (a referral link when the leader is a distributor)", access: "public", responses: { 200: S.StoreGroupResponse }, errors: [404] },
  { method: "get", path: "/store/distribution/sales", summary: "Live and upcoming limited-time sales with their countdowns and products at Medusa's calculated prices", access: "public", query: StoreListSales, responses: { 200: S.StoreSalesResponse }, errors: [400] },
  { method: "get", path: "/store/distribution/flash-sales", summary: "Flash sales (秒杀) selling now or later: current and next slots, prices, remaining quota", access: "public", query: StoreListFlashSales, responses: { 200: S.StoreFlashSalesResponse }, errors: [400] },
  { method: "get", path: "/store/distribution/flash-sales/:id", summary: "A flash sale with its slots, prices and remaining quota", access: "public", responses: { 200: S.StoreFlashSaleResponse }, errors: [404] },
  { method: "post", path: "/store/distribution/flash-sales/:id/checkout", summary: "Reserve flash-sale quota and get a one-item cart at the flash-sale price (complete it before the reservation expires)", access: "customer", body: StoreCheckoutFlashSale, responses: { 201: S.StoreActivityCheckoutResponse }, errors: [400, 401, 404, 409] },
  { method: "get", path: "/store/distribution/activity-reservations", summary: "The caller's own activity reservations (flash sales): what they hold, until when, and the carts and orders", access: "customer", query: StoreListActivityReservations, responses: { 200: S.StoreActivityReservationsResponse }, errors: [400, 401] },
  { method: "post", path: "/store/distribution/coupon", summary: "Ask for a coupon (when the programme issues them on request)", access: "customer", body: StoreRequestCoupon, responses: { 201: S.StoreCouponIssuedResponse }, errors: [400, 401, 404, 409] },
  { method: "get", path: "/store/distribution/share/:scene", summary: "What a share's scene (a mini-program code's) stands for: the sharer's referral code, the target and its URL", access: "public", responses: { 200: S.StoreShareResponse }, errors: [400, 404] },
  { method: "get", path: "/store/distribution/openapi.json", summary: "The OpenAPI document of the store routes (this document)", access: "public", responses: { 200: S.OpenApiDocumentResponse }, errors: [400] },

  // ---------------------------------------------------------------- admin
  { method: "get", path: "/admin/distribution/distributors", summary: "List and search distributors", access: "admin", query: AdminListDistributors, responses: { 200: S.AdminDistributorsResponse }, errors: [400, 401] },
  { method: "get", path: D, summary: "A distributor with its customer, upline, direct recruits and binding", access: "admin", responses: { 200: S.AdminDistributorDetailResponse }, errors: [401, 404] },
  { method: "get", path: `${D}/team`, summary: "One page of a distributor's team at a relative depth", access: "admin", query: AdminGetTeam, responses: { 200: S.AdminTeamResponse }, errors: [400, 401, 404] },
  { method: "post", path: `${D}/approve`, summary: "Approve an application (issues the referral code), optionally on a level", access: "admin", body: AdminApproveDistributor, responses: { 200: S.AdminDistributorResponse }, errors: [400, 401, 404, 409] },
  { method: "post", path: `${D}/reject`, summary: "Reject an application with a reason", access: "admin", body: AdminRejectDistributor, responses: { 200: S.AdminDistributorResponse }, errors: [400, 401, 404, 409] },
  { method: "post", path: `${D}/suspend`, summary: "Suspend an active distributor", access: "admin", body: AdminReviewDistributor, responses: { 200: S.AdminDistributorResponse }, errors: [400, 401, 404, 409] },
  { method: "post", path: `${D}/reinstate`, summary: "Reinstate a suspended distributor", access: "admin", body: AdminReviewDistributor, responses: { 200: S.AdminDistributorResponse }, errors: [400, 401, 404, 409] },
  { method: "post", path: `${D}/level`, summary: "Set a distributor's level, with the reason (audited)", access: "admin", body: AdminSetDistributorLevel, responses: { 200: S.AdminDistributorResponse }, errors: [400, 401, 404] },
  { method: "post", path: `${D}/move`, summary: "Move a distributor with its team", access: "admin", body: AdminMoveDistributor, responses: { 200: S.AdminDistributorResponse }, errors: [400, 401, 404, 409] },
  { method: "get", path: `${D}/ledger`, summary: "A distributor's ledger and balances", access: "admin", query: AdminListLedger, responses: { 200: S.AdminLedgerResponse }, errors: [400, 401, 404] },
  { method: "post", path: `${D}/adjustments`, summary: "Manual balance adjustment (audited, idempotent by key)", access: "admin", body: AdminAdjustBalance, responses: { 201: S.AdminAdjustmentResponse, 200: S.AdminAdjustmentResponse }, errors: [400, 401, 404, 409] },
  { method: "get", path: "/admin/distribution/levels", summary: "List levels", access: "admin", query: AdminListLevels, responses: { 200: S.AdminLevelsResponse }, errors: [400, 401] },
  { method: "post", path: "/admin/distribution/levels", summary: "Create a level", access: "admin", body: AdminCreateLevel, responses: { 201: S.AdminLevelResponse }, errors: [400, 401, 409] },
  { method: "get", path: "/admin/distribution/levels/:id", summary: "A level", access: "admin", responses: { 200: S.AdminLevelResponse }, errors: [401, 404] },
  { method: "post", path: "/admin/distribution/levels/:id", summary: "Update a level", access: "admin", body: AdminUpdateLevel, responses: { 200: S.AdminLevelResponse }, errors: [400, 401, 404] },
  { method: "delete", path: "/admin/distribution/levels/:id", summary: "Delete a level (its distributors move to the default)", access: "admin", responses: { 200: S.AdminLevelDeletedResponse }, errors: [400, 401, 404] },
  { method: "get", path: "/admin/distribution/settings", summary: "The programme's settings", access: "admin", responses: { 200: S.AdminSettingsResponse }, errors: [401] },
  { method: "post", path: "/admin/distribution/settings", summary: "Update the programme's settings", access: "admin", body: AdminUpdateSettings, responses: { 200: S.AdminSettingsResponse }, errors: [400, 401] },
  { method: "get", path: "/admin/distribution/customer-groups", summary: "Distributor prices: the plugin's customer groups of active distributors, with member counts", access: "admin", responses: { 200: S.AdminCustomerGroupsResponse }, errors: [401] },
  { method: "post", path: "/admin/distribution/customer-groups/sync", summary: "Distributor prices: make the groups the mode needs and bring every distributor's membership to the rule", access: "admin", body: AdminSyncCustomerGroups, responses: { 200: S.AdminCustomerGroupsSyncResponse }, errors: [400, 401] },
  { method: "get", path: "/admin/distribution/bindings", summary: "List referral bindings", access: "admin", query: AdminListBindings, responses: { 200: S.AdminBindingsResponse }, errors: [400, 401] },
  { method: "post", path: "/admin/distribution/bindings", summary: "Bind a customer to a distributor (audited)", access: "admin", body: AdminCreateBinding, responses: { 201: S.AdminBindingCreatedResponse, 200: S.AdminBindingCreatedResponse }, errors: [400, 401, 404] },
  { method: "get", path: "/admin/distribution/commissions", summary: "List commissions", access: "admin", query: AdminListCommissions, responses: { 200: S.AdminCommissionsResponse }, errors: [400, 401] },
  { method: "get", path: "/admin/distribution/commissions/export", summary: "Commissions as CSV", access: "admin", query: AdminListCommissions, responses: { 200: CSV }, errors: [400, 401] },
  { method: "get", path: "/admin/distribution/commission-rules", summary: "List commission rules", access: "admin", query: AdminListCommissionRules, responses: { 200: S.AdminCommissionRulesResponse }, errors: [400, 401] },
  { method: "post", path: "/admin/distribution/commission-rules", summary: "Create a commission rule", access: "admin", body: AdminCreateCommissionRule, responses: { 201: S.AdminCommissionRuleResponse }, errors: [400, 401, 404, 409] },
  { method: "get", path: "/admin/distribution/commission-rules/:id", summary: "A commission rule", access: "admin", responses: { 200: S.AdminCommissionRuleResponse }, errors: [401, 404] },
  { method: "post", path: "/admin/distribution/commission-rules/:id", summary: "Update a commission rule", access: "admin", body: AdminUpdateCommissionRule, responses: { 200: S.AdminCommissionRuleResponse }, errors: [400, 401, 404] },
  { method: "delete", path: "/admin/distribution/commission-rules/:id", summary: "Delete a commission rule", access: "admin", responses: { 200: S.AdminCommissionRuleDeletedResponse }, errors: [401, 404] },
  { method: "get", path: "/admin/distribution/coupons", summary: "List distributor coupons with their offer, owner and figures", access: "admin", query: AdminListCoupons, responses: { 200: S.AdminCouponsResponse }, errors: [400, 401] },
  { method: "post", path: "/admin/distribution/coupons", summary: "Issue a distributor its coupon (a clone of the template promotion)", access: "admin", body: AdminIssueCoupon, responses: { 201: S.AdminCouponResponse }, errors: [400, 401, 404, 409] },
  { method: "post", path: "/admin/distribution/coupons/bulk-issue", summary: "Issue a coupon to every active distributor of a level who has none", access: "admin", body: AdminBulkIssueCoupons, responses: { 200: S.AdminBulkIssueCouponsResponse }, errors: [400, 401, 404] },
  { method: "get", path: "/admin/distribution/coupons/:id", summary: "A coupon with its figures and latest orders", access: "admin", responses: { 200: S.AdminCouponDetailResponse }, errors: [401, 404] },
  { method: "post", path: "/admin/distribution/coupons/:id/policy", summary: "Set a coupon's own commission policy (null: the programme's)", access: "admin", body: AdminUpdateCoupon, responses: { 200: S.AdminCouponResponse }, errors: [400, 401, 404] },
  { method: "post", path: "/admin/distribution/coupons/:id/disable", summary: "Disable a coupon (its promotion becomes inactive; audited)", access: "admin", body: AdminSetCouponStatus, responses: { 200: S.AdminCouponResponse }, errors: [400, 401, 404, 409] },
  { method: "post", path: "/admin/distribution/coupons/:id/enable", summary: "Enable a disabled coupon (active again unless its owner is suspended; audited)", access: "admin", body: AdminSetCouponStatus, responses: { 200: S.AdminCouponResponse }, errors: [400, 401, 404, 409] },
  { method: "get", path: "/admin/distribution/flash-sales", summary: "List flash sales (秒杀) with their slots, variants, quotas and sales", access: "admin", query: AdminListFlashSales, responses: { 200: S.AdminFlashSalesResponse }, errors: [400, 401] },
  { method: "post", path: "/admin/distribution/flash-sales", summary: "Create a flash sale: dates, daily slots in a time zone, per-variant prices and quotas, limits, commission policy; a variant another flash sale or group buy holds in an overlapping window is refused", access: "admin", body: AdminCreateFlashSale, responses: { 201: S.AdminFlashSaleResponse }, errors: [400, 401, 409] },
  { method: "get", path: "/admin/distribution/flash-sales/:id", summary: "A flash sale with its variants, quotas and sales", access: "admin", responses: { 200: S.AdminFlashSaleResponse }, errors: [401, 404] },
  { method: "post", path: "/admin/distribution/flash-sales/:id", summary: "Change a flash sale that is not closed (a quota never below what is reserved and sold)", access: "admin", body: AdminUpdateFlashSale, responses: { 200: S.AdminFlashSaleResponse }, errors: [400, 401, 404, 409] },
  { method: "get", path: "/admin/distribution/flash-sales/:id/reservations", summary: "A flash sale's reservations, the latest first: buyer, variant, quantity, status and the order that consumed each", access: "admin", query: AdminListFlashSaleReservations, responses: { 200: S.AdminFlashSaleReservationsResponse }, errors: [400, 401, 404] },
  { method: "post", path: "/admin/distribution/flash-sales/:id/close", summary: "Close a flash sale for good (open reservations still complete or expire)", access: "admin", body: AdminCloseFlashSale, responses: { 200: S.AdminFlashSaleResponse }, errors: [400, 401, 404, 409] },
  { method: "get", path: "/admin/distribution/sales", summary: "List limited-time sales with their variants, prices and commission policy", access: "admin", query: AdminListSales, responses: { 200: S.AdminSalesResponse }, errors: [400, 401] },
  { method: "post", path: "/admin/distribution/sales", summary: "Create a limited-time sale (a Medusa sale price list over its window); a variant already in an overlapping sale is refused", access: "admin", body: AdminCreateSale, responses: { 201: S.AdminSaleResponse }, errors: [400, 401, 409] },
  { method: "get", path: "/admin/distribution/sales/:id", summary: "A sale with its variants and prices", access: "admin", responses: { 200: S.AdminSaleResponse }, errors: [401, 404] },
  { method: "post", path: "/admin/distribution/sales/:id", summary: "Change a sale that has not ended: window, prices, commission policy", access: "admin", body: AdminUpdateSale, responses: { 200: S.AdminSaleResponse }, errors: [400, 401, 404, 409] },
  { method: "post", path: "/admin/distribution/sales/:id/end", summary: "End a sale now (its price list too)", access: "admin", body: AdminEndSale, responses: { 200: S.AdminSaleResponse }, errors: [400, 401, 404, 409] },
  { method: "get", path: GB, summary: "List 拼团 activities", access: "admin", query: AdminListGroupBuys, responses: { 200: S.AdminGroupBuysResponse }, errors: [400, 401] },
  { method: "post", path: GB, summary: "Create a 拼团 activity: group prices, size, time limit, limits, virtual completion, overflow rule, commission policy, leader bonus; a variant another flash sale or group buy holds in an overlapping window is refused", access: "admin", body: AdminCreateGroupBuy, responses: { 201: S.AdminGroupBuyResponse }, errors: [400, 401, 409] },
  { method: "get", path: `${GB}/:id`, summary: "A 拼团 activity", access: "admin", responses: { 200: S.AdminGroupBuyResponse }, errors: [401, 404] },
  { method: "post", path: `${GB}/:id`, summary: "Change a 拼团 activity that is not closed (formed groups keep their size and deadline)", access: "admin", body: AdminUpdateGroupBuy, responses: { 200: S.AdminGroupBuyResponse }, errors: [400, 401, 404, 409] },
  { method: "post", path: `${GB}/:id/close`, summary: "Close a 拼团 activity to new checkouts (open groups run to their deadline)", access: "admin", body: AdminEmptyBody, responses: { 200: S.AdminGroupBuyResponse }, errors: [400, 401, 404, 409] },
  { method: "get", path: `${GB}/:id/report`, summary: "Groups opened, succeeded (virtually), failed; GMV; refunds", access: "admin", responses: { 200: S.AdminGroupBuyReportResponse }, errors: [401, 404] },
  { method: "get", path: G, summary: "Groups by status and activity", access: "admin", query: AdminListGroups, responses: { 200: S.AdminGroupsResponse }, errors: [400, 401] },
  { method: "get", path: `${G}/:id`, summary: "A group with its members, orders and refund states", access: "admin", responses: { 200: S.AdminGroupResponse }, errors: [401, 404] },
  { method: "post", path: `${G}/:id/complete`, summary: "Complete an open group now (its missing seats virtual)", access: "admin", body: AdminEmptyBody, responses: { 200: S.AdminGroupResponse }, errors: [400, 401, 404, 409] },
  { method: "post", path: `${G}/:id/fail`, summary: "Fail an open group now: its paid orders are canceled and refunded", access: "admin", body: AdminEmptyBody, responses: { 200: S.AdminGroupResponse }, errors: [400, 401, 404, 409] },
  { method: "get", path: `${R}/coupons`, summary: "Uses, sales and commission per distributor coupon", access: "admin", query: AdminReportCoupons, responses: { 200: [S.AdminReportCouponsResponse, CSV] }, errors: [400, 401] },
  { method: "get", path: "/admin/distribution/reconcile", summary: "The hourly reconcile job's latest runs and what each repaired", access: "admin", responses: { 200: S.AdminReconcileRunsResponse }, errors: [401] },
  { method: "post", path: "/admin/distribution/reconcile", summary: "Reconcile balances with the ledger and repair what lost events left undone", access: "admin", body: AdminReconcile, responses: { 200: S.AdminReconcileResponse }, errors: [400, 401] },
  { method: "get", path: W, summary: "The withdrawal queue", access: "admin", query: AdminListWithdrawals, responses: { 200: S.AdminWithdrawalsResponse }, errors: [400, 401] },
  { method: "get", path: `${W}/export`, summary: "Payout CSV for finance (full accounts; audited)", access: "admin", query: AdminExportWithdrawals, responses: { 200: CSV }, errors: [400, 401] },
  { method: "get", path: `${W}/:id`, summary: "A withdrawal with its ledger entries, audit trail and balances", access: "admin", responses: { 200: S.AdminWithdrawalDetailResponse }, errors: [401, 404] },
  { method: "post", path: `${W}/:id/approve`, summary: "Approve a withdrawal", access: "admin", body: AdminApproveWithdrawal, responses: { 200: S.AdminWithdrawalResponse }, errors: [400, 401, 404, 409] },
  { method: "post", path: `${W}/:id/reject`, summary: "Reject a withdrawal (the hold is released)", access: "admin", body: AdminRejectWithdrawal, responses: { 200: S.AdminWithdrawalResponse }, errors: [400, 401, 404, 409] },
  { method: "post", path: `${W}/:id/pay`, summary: "Mark a withdrawal paid with its transaction reference", access: "admin", body: AdminPayWithdrawal, responses: { 200: S.AdminWithdrawalResponse }, errors: [400, 401, 404, 409] },
  { method: "post", path: `${W}/bulk-approve`, summary: "Approve several withdrawals", access: "admin", body: AdminBulkApproveWithdrawals, responses: { 200: S.AdminBulkWithdrawalsResponse }, errors: [400, 401] },
  { method: "post", path: `${W}/bulk-pay`, summary: "Mark several withdrawals paid", access: "admin", body: AdminBulkPayWithdrawals, responses: { 200: S.AdminBulkWithdrawalsResponse }, errors: [400, 401] },
  { method: "get", path: `${R}/summary`, summary: "Headline figures of a period (format=csv for a CSV)", access: "admin", query: AdminReportSummary, responses: { 200: [S.AdminReportSummaryResponse, CSV] }, errors: [400, 401] },
  { method: "get", path: `${R}/timeseries`, summary: "Figures per day, week or month", access: "admin", query: AdminReportTimeseries, responses: { 200: [S.AdminReportTimeseriesResponse, CSV] }, errors: [400, 401] },
  { method: "get", path: `${R}/leaderboard`, summary: "Best distributors by sales, commissions or recruits", access: "admin", query: AdminReportLeaderboard, responses: { 200: [S.AdminReportLeaderboardResponse, CSV] }, errors: [400, 401] },
  { method: "get", path: `${R}/products`, summary: "Distribution sales per product", access: "admin", query: AdminReportProducts, responses: { 200: [S.AdminReportProductsResponse, CSV] }, errors: [400, 401] },
  { method: "get", path: `${R}/conversion`, summary: "Visits, orders and conversion per distributor", access: "admin", query: AdminReportConversion, responses: { 200: [S.AdminReportConversionResponse, CSV] }, errors: [400, 401] },
  { method: "get", path: "/admin/distribution/products/:id/commission-preview", summary: "What one unit of each variant earns per currency, level and depth", access: "admin", responses: { 200: S.AdminCommissionPreviewResponse }, errors: [401, 404] },
  { method: "get", path: "/health/distribution", summary: "The programme's readiness: the database answers; the settlement backlog and its lag", access: "public", responses: { 200: S.DistributionHealthResponse, 503: S.DistributionHealthDownResponse }, errors: [] },
  { method: "get", path: "/admin/distribution/openapi.json", summary: "The OpenAPI document of every store and admin route of the plugin", access: "admin", responses: { 200: S.OpenApiDocumentResponse }, errors: [] },
  { method: "get", path: "/admin/distribution/audit-logs", summary: "The audit log", access: "admin", query: AdminListAuditLogs, responses: { 200: S.AdminAuditLogsResponse }, errors: [400, 401] },
]
