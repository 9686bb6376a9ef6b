import { z } from "@medusajs/framework/zod"
import { COUPON_COMMISSIONS, COUPON_STATUSES } from "../../../../modules/distribution/constants"
import { bps, oneOrMany, queryLimit, queryOffset } from "../../../utils/validators"

const policy = {
  commission_policy: z.enum(COUPON_COMMISSIONS).nullable().optional(),
  rate_bps_1: bps.nullable().optional(),
  rate_bps_2: bps.nullable().optional(),
  rate_bps_3: bps.nullable().optional(),
}
const ratesNeedARate = (v: { commission_policy?: string | null; rate_bps_1?: number | null }) =>
  v.commission_policy !== "rates" || v.rate_bps_1 != null
const RATES_MESSAGE = "A coupon with its own rates needs rate_bps_1 (and may give rate_bps_2, rate_bps_3)"

export const AdminListCoupons = z.object({
  limit: queryLimit({ default: 50, max: 500 }),
  offset: queryOffset,
  status: oneOrMany(z.enum(COUPON_STATUSES)),
  distributor_id: oneOrMany(z.string().min(1)),
  promotion_id: oneOrMany(z.string().min(1)),
  code: z.string().trim().min(1).max(64).optional(),
  q: z.string().trim().min(1).max(64).optional().describe("Part of the coupon's code, any case"),
}).strict()
export type AdminListCouponsType = z.infer<typeof AdminListCoupons>

export const AdminIssueCoupon = z
  .object({ distributor_id: z.string().min(1, "distributor_id is required"), ...policy })
  .strict()
  .refine(ratesNeedARate, { message: RATES_MESSAGE })
export type AdminIssueCouponType = z.infer<typeof AdminIssueCoupon>

export const AdminUpdateCoupon = z.object(policy).strict().refine(ratesNeedARate, { message: RATES_MESSAGE })
export type AdminUpdateCouponType = z.infer<typeof AdminUpdateCoupon>

export const AdminBulkIssueCoupons = z.object({ level_id: z.string().min(1, "level_id is required") }).strict()
export type AdminBulkIssueCouponsType = z.infer<typeof AdminBulkIssueCoupons>

export const AdminSetCouponStatus = z.object({}).strict()
