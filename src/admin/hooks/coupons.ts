import type { z } from "@medusajs/framework/zod"
import type { AdminUpdateCoupon } from "../../api/admin/distribution/coupons/validators"
import { BulkIssueResult, Coupon, CouponDetail, CouponReport, List } from "../lib/types"
import { useAdminGet, useAdminMutation } from "./api"
import { Period } from "./reports"

const BASE = "/admin/distribution/coupons"

export type CouponQuery = {
  q?: string
  status?: string[]
  distributor_id?: string
  promotion_id?: string
  limit: number
  offset: number
}

/** A coupon's policy as the admin sends it: what the validator takes. */
export type CouponPolicyInput = z.input<typeof AdminUpdateCoupon>

export const useCoupons = (query: CouponQuery, enabled = true) =>
  useAdminGet<List<"coupons", Coupon>>(enabled ? BASE : null, query, { keepPrevious: true })

export const useCoupon = (id: string | null | undefined) => useAdminGet<CouponDetail>(id ? `${BASE}/${id}` : null)

/** The coupons report's window totals (one row asked for: the page shows only the totals). */
export const useCouponReport = (period: Period) =>
  useAdminGet<CouponReport>("/admin/distribution/reports/coupons", { ...period, limit: 1, offset: 0 }, { keepPrevious: true })

export const useIssueCoupon = (success: string) =>
  useAdminMutation<{ distributor_id: string }, { coupon: Coupon }>((body) => ({ path: BASE, body }), { success })

export const useBulkIssueCoupons = (success: (result: BulkIssueResult) => string) =>
  useAdminMutation<{ level_id: string }, BulkIssueResult>((body) => ({ path: `${BASE}/bulk-issue`, body }), { success })

export const useCouponStatus = (success: (action: "disable" | "enable") => string) =>
  useAdminMutation<{ id: string; action: "disable" | "enable" }, { coupon: Coupon }>(
    ({ id, action }) => ({ path: `${BASE}/${id}/${action}`, body: {} }),
    { success: (_r, { action }) => success(action) }
  )

export const useCouponPolicy = (success: string) =>
  useAdminMutation<{ id: string; policy: CouponPolicyInput }, { coupon: Coupon }>(
    ({ id, policy }) => ({ path: `${BASE}/${id}/policy`, body: policy }),
    { success }
  )
