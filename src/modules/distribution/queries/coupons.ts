import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { CouponCommission, CouponStatus, DistributorStatus } from "../constants"
import { pgTextArray, rawAmount } from "../utils/sql"
import { newId } from "../utils/ids"

/**
 * Distributor coupons: the coupon of an order's promotions (one indexed read by
 * promotion_id), a coupon's state under a row lock, the orders that used one,
 * and their figures — uses, sales (the orders' lines after discounts, before
 * tax and shipping) and the owner's commission on them (credited less
 * reversed), summed exactly per currency.
 */

export type OrderCoupon = {
  id: string
  distributor_id: string
  code: string
  status: CouponStatus
  commission_policy: CouponCommission | null
  rate_bps_1: number | null
  rate_bps_2: number | null
  rate_bps_3: number | null
  owner_status: DistributorStatus
  owner_referral_code: string | null
}

/** The coupon among an order's promotions (the earliest issued when, oddly, there are several). */
export async function couponOfPromotions(manager: EntityManager, promotionIds: string[]): Promise<OrderCoupon | null> {
  if (!promotionIds.length) {
    return null
  }
  const [row]: OrderCoupon[] = await manager.execute(
    `SELECT c.id, c.distributor_id, c.code, c.status, c.commission_policy,
            c.rate_bps_1, c.rate_bps_2, c.rate_bps_3,
            d.status AS owner_status, d.referral_code AS owner_referral_code
       FROM distribution_coupon c
       JOIN distribution_distributor d ON d.id = c.distributor_id AND d.deleted_at IS NULL
      WHERE c.promotion_id = ANY(?::text[]) AND c.deleted_at IS NULL
      ORDER BY c.created_at, c.id
      LIMIT 1`,
    [pgTextArray(promotionIds)]
  )
  return row ?? null
}

export type LockedCoupon = {
  id: string
  status: CouponStatus
  promotion_id: string
  distributor_id: string
  owner_status: DistributorStatus
}

export async function lockCoupon(manager: EntityManager, id: string): Promise<LockedCoupon | undefined> {
  const [row]: LockedCoupon[] = await manager.execute(
    `SELECT c.id, c.status, c.promotion_id, c.distributor_id, d.status AS owner_status
       FROM distribution_coupon c
       JOIN distribution_distributor d ON d.id = c.distributor_id
      WHERE c.id = ? AND c.deleted_at IS NULL
        FOR UPDATE OF c`,
    [id]
  )
  return row
}

export async function setCouponStatus(manager: EntityManager, id: string, status: CouponStatus): Promise<void> {
  await manager.execute(`UPDATE distribution_coupon SET status = ?, updated_at = now() WHERE id = ?`, [status, id])
}

/** Records an order's use of a coupon; nothing when the order was recorded already. */
export async function insertCouponUse(
  manager: EntityManager,
  use: { coupon_id: string; distributor_id: string; order_id: string; customer_id: string | null; sales_amount: string; currency_code: string }
): Promise<boolean> {
  const rows: unknown[] = await manager.execute(
    `INSERT INTO distribution_coupon_use
       (id, coupon_id, distributor_id, order_id, customer_id, sales_amount, raw_sales_amount, currency_code)
     VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?)
     ON CONFLICT (order_id) WHERE deleted_at IS NULL DO NOTHING
     RETURNING id`,
    [
      newId("dcpu"),
      use.coupon_id,
      use.distributor_id,
      use.order_id,
      use.customer_id,
      use.sales_amount,
      rawAmount(use.sales_amount),
      use.currency_code,
    ]
  )
  return rows.length > 0
}

export type CouponFigures = { coupon_id: string; currency_code: string; uses: number; sales: string; commission: string }

const FIGURES = `
  SELECT u.coupon_id, u.currency_code, count(*)::int AS uses,
         sum(u.sales_amount)::text AS sales,
         coalesce(sum(k.earned), 0)::text AS commission
    FROM distribution_coupon_use u
    LEFT JOIN LATERAL (
      SELECT sum(cm.amount - cm.reversed_amount) AS earned
        FROM distribution_commission cm
       WHERE cm.order_id = u.order_id AND cm.distributor_id = u.distributor_id AND cm.deleted_at IS NULL
    ) k ON true`

/** Uses, sales and the owner's commission of each coupon, one row per coupon and currency. */
export async function couponFigures(manager: EntityManager, couponIds: string[]): Promise<CouponFigures[]> {
  if (!couponIds.length) {
    return []
  }
  return await manager.execute(
    `${FIGURES}
      WHERE u.coupon_id = ANY(?::text[]) AND u.deleted_at IS NULL
      GROUP BY u.coupon_id, u.currency_code
      ORDER BY u.coupon_id, u.currency_code`,
    [pgTextArray(couponIds)]
  )
}

export type CouponReportRow = CouponFigures & { code: string; distributor_id: string; status: CouponStatus }

/** The coupons report: per coupon, the orders placed with it in [start, end), most sales first. */
export async function couponReport(
  manager: EntityManager,
  input: { start: string; end: string; currency_code: string; limit: number; offset: number }
): Promise<{ rows: CouponReportRow[]; count: number; totals: CouponReportTotals }> {
  const where = `u.deleted_at IS NULL AND u.currency_code = ? AND u.created_at >= ? AND u.created_at < ?`
  const params = [input.currency_code, input.start, input.end]
  const rows: CouponReportRow[] = await manager.execute(
    `SELECT f.*, c.code, c.distributor_id, c.status
       FROM (${FIGURES} WHERE ${where} GROUP BY u.coupon_id, u.currency_code) f
       JOIN distribution_coupon c ON c.id = f.coupon_id
      ORDER BY f.sales::numeric DESC, c.code
      LIMIT ? OFFSET ?`,
    [...params, input.limit, input.offset]
  )
  const [totals]: (Omit<CouponReportTotals, "coupons"> & { count: number })[] = await manager.execute(
    `SELECT count(DISTINCT f.coupon_id)::int AS count, coalesce(sum(f.uses), 0)::int AS uses,
            coalesce(sum(f.sales::numeric), 0)::text AS sales, coalesce(sum(f.commission::numeric), 0)::text AS commission
       FROM (${FIGURES} WHERE ${where} GROUP BY u.coupon_id, u.currency_code) f`,
    params
  )
  return { rows, count: totals.count, totals: { coupons: totals.count, uses: totals.uses, sales: totals.sales, commission: totals.commission } }
}

/** The whole window's figures: coupons used, uses, their sales and the owners' commission. */
export type CouponReportTotals = { coupons: number; uses: number; sales: string; commission: string }

export type CouponOrder = { order_id: string; customer_id: string | null; sales: string; currency_code: string; commission: string; created_at: Date }

/** A coupon's orders, newest first, each with the owner's commission on it. */
export async function couponOrders(manager: EntityManager, couponId: string, limit: number): Promise<CouponOrder[]> {
  return await manager.execute(
    `SELECT u.order_id, u.customer_id, u.sales_amount::text AS sales, u.currency_code, u.created_at,
            coalesce((SELECT sum(cm.amount - cm.reversed_amount) FROM distribution_commission cm
                       WHERE cm.order_id = u.order_id AND cm.distributor_id = u.distributor_id AND cm.deleted_at IS NULL), 0)::text AS commission
       FROM distribution_coupon_use u
      WHERE u.coupon_id = ? AND u.deleted_at IS NULL
      ORDER BY u.created_at DESC, u.id
      LIMIT ?`,
    [couponId, limit]
  )
}

/** The active distributors of a level who have a referral code and no coupon yet (bulk issue). */
export async function distributorsWithoutCoupon(manager: EntityManager, levelId: string, limit: number): Promise<string[]> {
  const rows: { id: string }[] = await manager.execute(
    `SELECT d.id FROM distribution_distributor d
      WHERE d.level_id = ? AND d.status = ? AND d.referral_code IS NOT NULL AND d.deleted_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM distribution_coupon c WHERE c.distributor_id = d.id AND c.deleted_at IS NULL)
      ORDER BY d.created_at, d.id
      LIMIT ?`,
    [levelId, DistributorStatus.ACTIVE, limit]
  )
  return rows.map((r) => r.id)
}
