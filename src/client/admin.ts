import type Medusa from "@medusajs/js-sdk"
import type { z } from "@medusajs/framework/zod"
import type * as S from "../api/openapi/schemas"
import type {
  AdminBulkIssueCoupons,
  AdminIssueCoupon,
  AdminListCoupons,
  AdminUpdateCoupon,
} from "../api/admin/distribution/coupons/validators"
import type { AdminReportCoupons } from "../api/admin/distribution/reports/validators"
import type { AdminCreateSale, AdminListSales, AdminUpdateSale } from "../api/admin/distribution/sales/validators"
import type { AdminCreateGroupBuy, AdminListGroupBuys, AdminListGroups, AdminUpdateGroupBuy } from "../api/admin/distribution/group-buys/validators"
import type {
  AdminCreateFlashSale,
  AdminListFlashSaleReservations,
  AdminListFlashSales,
  AdminUpdateFlashSale,
} from "../api/admin/distribution/flash-sales/validators"

/**
 * A typed client of the admin routes of the selling tools — distributor
 * coupons, limited-time sales and flash sales — for back-office tools and scripts, over
 * @medusajs/js-sdk's `client.fetch` (which adds the admin's token or API
 * key). Bodies and queries are typed from the routes' validators, responses
 * from the OpenAPI document's schemas.
 *
 *   const admin = distributionAdminClient(sdk)
 *   const { sale } = await admin.sales.create({ name: "双十二", product_ids: ["prod_…"], percent_off_bps: 2000, ends_at: "2026-12-13T00:00:00+08:00" })
 */
type Out<T extends z.ZodType> = z.output<T>
/** A list's query as a caller writes it: every parameter optional, as the route reads it. */
type Query<T extends z.ZodType> = Partial<Out<T>>

export type AdminCoupon = Out<typeof S.AdminCoupon>
export type AdminCouponsResponse = Out<typeof S.AdminCouponsResponse>
export type AdminCouponResponse = Out<typeof S.AdminCouponResponse>
export type AdminCouponDetailResponse = Out<typeof S.AdminCouponDetailResponse>
export type AdminBulkIssueCouponsResponse = Out<typeof S.AdminBulkIssueCouponsResponse>
export type AdminCouponsReportResponse = Out<typeof S.AdminReportCouponsResponse>
export type AdminSale = Out<typeof S.AdminSale>
export type AdminSalesResponse = Out<typeof S.AdminSalesResponse>
export type AdminSaleResponse = Out<typeof S.AdminSaleResponse>

export type IssueCouponInput = z.input<typeof AdminIssueCoupon>
export type CouponPolicyInput = z.input<typeof AdminUpdateCoupon>
export type BulkIssueCouponsInput = z.input<typeof AdminBulkIssueCoupons>
export type CouponsQuery = Query<typeof AdminListCoupons>
/** The JSON report (format=csv answers a CSV file: fetch it directly). */
export type CouponsReportQuery = Omit<Query<typeof AdminReportCoupons>, "format">
export type CreateSaleInput = z.input<typeof AdminCreateSale>
export type UpdateSaleInput = z.input<typeof AdminUpdateSale>
export type SalesQuery = Query<typeof AdminListSales>
export type AdminGroupBuysResponse = Out<typeof S.AdminGroupBuysResponse>
export type AdminGroupBuyResponse = Out<typeof S.AdminGroupBuyResponse>
export type AdminGroupsResponse = Out<typeof S.AdminGroupsResponse>
export type AdminGroupResponse = Out<typeof S.AdminGroupResponse>
export type AdminGroupBuyReportResponse = Out<typeof S.AdminGroupBuyReportResponse>
export type CreateGroupBuyInput = z.input<typeof AdminCreateGroupBuy>
export type UpdateGroupBuyInput = z.input<typeof AdminUpdateGroupBuy>
export type GroupBuysQuery = Query<typeof AdminListGroupBuys>
export type GroupsQuery = Query<typeof AdminListGroups>
export type AdminFlashSale = Out<typeof S.AdminFlashSale>
export type AdminFlashSalesResponse = Out<typeof S.AdminFlashSalesResponse>
export type AdminFlashSaleResponse = Out<typeof S.AdminFlashSaleResponse>
export type CreateFlashSaleInput = z.input<typeof AdminCreateFlashSale>
export type UpdateFlashSaleInput = z.input<typeof AdminUpdateFlashSale>
export type FlashSalesQuery = Query<typeof AdminListFlashSales>
export type AdminFlashSaleReservationsResponse = Out<typeof S.AdminFlashSaleReservationsResponse>
export type FlashSaleReservationsQuery = Query<typeof AdminListFlashSaleReservations>

const BASE = "/admin/distribution"

export function distributionAdminClient(sdk: Medusa) {
  const get = <T>(path: string, query?: object) =>
    sdk.client.fetch<T>(`${BASE}${path}`, { method: "GET", query: query as Record<string, unknown> | undefined })
  const post = <T>(path: string, body: object = {}) => sdk.client.fetch<T>(`${BASE}${path}`, { method: "POST", body })
  const id = (value: string) => encodeURIComponent(value)

  return {
    coupons: {
      list: (query: CouponsQuery = {}) => get<AdminCouponsResponse>("/coupons", query),
      retrieve: (couponId: string) => get<AdminCouponDetailResponse>(`/coupons/${id(couponId)}`),
      issue: (input: IssueCouponInput) => post<AdminCouponResponse>("/coupons", input),
      bulkIssue: (input: BulkIssueCouponsInput) => post<AdminBulkIssueCouponsResponse>("/coupons/bulk-issue", input),
      /** The coupon's own commission policy; `{ commission_policy: null }` gives it the programme's again. */
      setPolicy: (couponId: string, input: CouponPolicyInput) => post<AdminCouponResponse>(`/coupons/${id(couponId)}/policy`, input),
      disable: (couponId: string) => post<AdminCouponResponse>(`/coupons/${id(couponId)}/disable`),
      enable: (couponId: string) => post<AdminCouponResponse>(`/coupons/${id(couponId)}/enable`),
      /** Uses, sales and commission per coupon over a window, with the window's totals. */
      report: (query: CouponsReportQuery = {}) => get<AdminCouponsReportResponse>("/reports/coupons", query),
    },
    sales: {
      list: (query: SalesQuery = {}) => get<AdminSalesResponse>("/sales", query),
      retrieve: (saleId: string) => get<AdminSaleResponse>(`/sales/${id(saleId)}`),
      create: (input: CreateSaleInput) => post<AdminSaleResponse>("/sales", input),
      update: (saleId: string, input: UpdateSaleInput) => post<AdminSaleResponse>(`/sales/${id(saleId)}`, input),
      /** Ends the sale now (its price list too); an ended sale cannot be changed or started again. */
      end: (saleId: string) => post<AdminSaleResponse>(`/sales/${id(saleId)}/end`),
    },
    groupBuys: {
      list: (query: GroupBuysQuery = {}) => get<AdminGroupBuysResponse>("/group-buys", query),
      retrieve: (groupBuyId: string) => get<AdminGroupBuyResponse>(`/group-buys/${id(groupBuyId)}`),
      create: (input: CreateGroupBuyInput) => post<AdminGroupBuyResponse>("/group-buys", input),
      update: (groupBuyId: string, input: UpdateGroupBuyInput) => post<AdminGroupBuyResponse>(`/group-buys/${id(groupBuyId)}`, input),
      /** No new checkout; open groups run to their deadline. */
      close: (groupBuyId: string) => post<AdminGroupBuyResponse>(`/group-buys/${id(groupBuyId)}/close`),
      report: (groupBuyId: string) => get<AdminGroupBuyReportResponse>(`/group-buys/${id(groupBuyId)}/report`),
    },
    groups: {
      list: (query: GroupsQuery = {}) => get<AdminGroupsResponse>("/groups", query),
      retrieve: (groupId: string) => get<AdminGroupResponse>(`/groups/${id(groupId)}`),
      /** Completes an open group now (its missing seats virtual). */
      complete: (groupId: string) => post<AdminGroupResponse>(`/groups/${id(groupId)}/complete`),
      /** Fails an open group now: its paid orders are canceled and refunded. */
      fail: (groupId: string) => post<AdminGroupResponse>(`/groups/${id(groupId)}/fail`),
    },
    flashSales: {
      list: (query: FlashSalesQuery = {}) => get<AdminFlashSalesResponse>("/flash-sales", query),
      retrieve: (saleId: string) => get<AdminFlashSaleResponse>(`/flash-sales/${id(saleId)}`),
      create: (input: CreateFlashSaleInput) => post<AdminFlashSaleResponse>("/flash-sales", input),
      update: (saleId: string, input: UpdateFlashSaleInput) => post<AdminFlashSaleResponse>(`/flash-sales/${id(saleId)}`, input),
      /** Closes the flash sale for good: no new checkout (open reservations complete or expire). */
      close: (saleId: string) => post<AdminFlashSaleResponse>(`/flash-sales/${id(saleId)}/close`),
      /** Who holds or bought the sale's quota, the latest first, with the orders that consumed it. */
      reservations: (saleId: string, query: FlashSaleReservationsQuery = {}) =>
        get<AdminFlashSaleReservationsResponse>(`/flash-sales/${id(saleId)}/reservations`, query),
    },
  }
}

export type DistributionAdminClient = ReturnType<typeof distributionAdminClient>
