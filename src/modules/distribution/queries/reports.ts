import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import {
  CommissionStatus,
  DISTRIBUTOR_STATUSES,
  DistributorStatus,
  WithdrawalStatus,
} from "../constants"
import { currencyPrecision } from "../utils/money"
import { formatAmount } from "../utils/money"
import { competitionRanks, conversionRate } from "../utils/report-math"
import { withDatabaseZone } from "../utils/time-zone"

/**
 * The read side of the admin reports. Every figure is a sum or a count of
 * commission, distributor, visit or withdrawal rows, filtered by an indexed
 * time column, grouped in SQL; amounts are summed exactly (numeric) and only
 * rounded down when presented.
 *
 * - sales: depth-1 commission bases (the attributed line subtotals) minus what
 *   was reversed in proportion — base × (amount − reversed) ÷ amount, the
 *   "kept" sales of the level upgrades — by the commission's credit time,
 *   which is when the order was placed;
 * - orders: distinct orders with a depth-1 commission not wholly reversed;
 * - commissions: amounts credited (all depths), split in the summary into
 *   what is still pending, what was settled and what was reversed;
 * - new distributors: activated in the period; recruits: direct recruits
 *   activated in the period;
 * - withdrawals: requested (by created_at) and paid (by paid_at) amounts;
 * - visits: visit rows (one per visitor, distributor and day).
 * Money figures are in one currency; visits and distributors have none.
 */

/** A half-open window [start, end) of instants, the zone its buckets are cut in, and the currency. */
export type ReportWindow = { start: string; end: string; tz: string; currency_code: string }

/** A bound as the admin gives it: a calendar day in the report's zone, or an exact instant. */
export type ReportBound = { date: string } | { instant: string }

export type ReportInterval = "day" | "week" | "month"
export type LeaderboardBy = "sales" | "commissions" | "recruits"
export type Page = { limit: number; offset: number }

export type SummaryReport = {
  distributors: Record<DistributorStatus | "new", number>
  pending_applications: number
  pending_withdrawals: { count: number; amount: string }
  sales: string
  orders: number
  commissions: { credited: string; pending: string; settled: string; reversed: string }
  withdrawals_requested: string
  withdrawn: string
  visits: number
  conversion_rate: string
}

export type TimeseriesRow = {
  period: string
  sales: string
  orders: number
  commissions: string
  new_distributors: number
  withdrawals_requested: string
  withdrawals_paid: string
  visits: number
}

export type LeaderboardRow = {
  rank: number
  distributor_id: string
  display_name: string | null
  email: string | null
  referral_code: string | null
  value: string | number
}

export type ProductRow = {
  product_id: string
  quantity: number
  orders: number
  sales: string
  commissions: string
}

export type ConversionRow = {
  distributor_id: string
  display_name: string | null
  referral_code: string | null
  visits: number
  orders: number
  conversion_rate: string
}

/** The kept part of a depth-1 base: one division, so an exact proportion stays exact. */
const KEPT_SALES = "c.base_amount * (c.amount - c.reversed_amount) / c.amount"

/**
 * `:name` placeholders to the driver's positional ones (a `::cast` is left
 * alone), so a query can use a value several times and still read plainly.
 */
function named(sql: string, values: Record<string, unknown>): [string, unknown[]] {
  const params: unknown[] = []
  const text = sql.replace(/(?<!:):([a-z_]+)/g, (_, name: string) => {
    if (!(name in values)) {
      throw new Error(`No value for :${name} in a report query`)
    }
    params.push(values[name])
    return "?"
  })
  return [text, params]
}

async function run<T>(manager: EntityManager, sql: string, values: Record<string, unknown>): Promise<T[]> {
  const [text, params] = named(sql, values)
  return (await manager.execute(text, params)) as T[]
}

function windowValues(w: ReportWindow) {
  return {
    start: w.start,
    end: w.end,
    tz: w.tz,
    currency_code: w.currency_code,
    reversed: CommissionStatus.REVERSED,
  }
}

/** The instants a pair of bounds stands for: a day bound covers that whole day in `tz`. */
export async function resolveReportWindow(
  manager: EntityManager,
  input: { from: ReportBound; to: ReportBound; tz: string }
): Promise<{ start: string; end: string }> {
  const bound = (b: ReportBound, name: string, nextDay: boolean) =>
    "date" in b
      ? `((:${name}::date + ${nextDay ? 1 : 0})::timestamp AT TIME ZONE :tz)`
      : `:${name}::timestamptz`
  const value = (b: ReportBound) => ("date" in b ? b.date : b.instant)
  const [row] = await withDatabaseZone(input.tz, () =>
    run<{ start: string; end: string }>(
      manager,
      `SELECT to_json(${bound(input.from, "from", false)}) #>> '{}' AS start,
              to_json(${bound(input.to, "to", true)}) #>> '{}' AS end,
              now() AT TIME ZONE :tz AS zone_check`,
      { from: value(input.from), to: value(input.to), tz: input.tz }
    )
  )
  return { start: row.start, end: row.end }
}

/**
 * The currencies the programme holds money in (a wallet exists in each currency a
 * commission, an adjustment or a withdrawal was ever booked in), sorted.
 */
export async function reportCurrencies(manager: EntityManager): Promise<string[]> {
  const rows = await run<{ currency_code: string }>(
    manager,
    `SELECT DISTINCT currency_code FROM distribution_wallet WHERE deleted_at IS NULL ORDER BY currency_code`,
    {}
  )
  return rows.map((r) => r.currency_code)
}

export async function summaryReport(manager: EntityManager, w: ReportWindow): Promise<SummaryReport> {
  const v = windowValues(w)
  const statuses = await run<{ status: DistributorStatus; n: number }>(
    manager,
    `SELECT status, count(*)::int AS n FROM distribution_distributor
      WHERE deleted_at IS NULL GROUP BY status`,
    {}
  )
  const [people] = await run<{ new: number }>(
    manager,
    `SELECT count(*)::int AS new FROM distribution_distributor
      WHERE activated_at >= :start::timestamptz AND activated_at < :end::timestamptz AND deleted_at IS NULL`,
    v
  )
  const [money] = await run<{ sales: string; orders: number; credited: string; pending: string; settled: string; reversed: string }>(
    manager,
    `SELECT coalesce(sum(${KEPT_SALES}) FILTER (WHERE c.depth = 1), 0)::text AS sales,
            count(DISTINCT c.order_id) FILTER (WHERE c.depth = 1 AND c.status <> :reversed)::int AS orders,
            coalesce(sum(c.amount), 0)::text AS credited,
            coalesce(sum(c.amount - c.reversed_amount) FILTER (WHERE c.status = :pending), 0)::text AS pending,
            coalesce(sum(c.amount - c.reversed_amount) FILTER (WHERE c.status = :settled), 0)::text AS settled,
            coalesce(sum(c.reversed_amount), 0)::text AS reversed
       FROM distribution_commission c
      WHERE c.currency_code = :currency_code AND c.created_at >= :start::timestamptz
        AND c.created_at < :end::timestamptz AND c.deleted_at IS NULL`,
    { ...v, pending: CommissionStatus.PENDING, settled: CommissionStatus.SETTLED }
  )
  const [withdrawals] = await run<{ pending_count: number; pending_amount: string; requested: string; paid: string }>(
    manager,
    `SELECT
       (SELECT count(*)::int FROM distribution_withdrawal
         WHERE status IN (:requested, :approved) AND currency_code = :currency_code AND deleted_at IS NULL) AS pending_count,
       (SELECT coalesce(sum(amount), 0)::text FROM distribution_withdrawal
         WHERE status IN (:requested, :approved) AND currency_code = :currency_code AND deleted_at IS NULL) AS pending_amount,
       (SELECT coalesce(sum(amount), 0)::text FROM distribution_withdrawal
         WHERE created_at >= :start::timestamptz AND created_at < :end::timestamptz
           AND currency_code = :currency_code AND deleted_at IS NULL) AS requested,
       (SELECT coalesce(sum(amount), 0)::text FROM distribution_withdrawal
         WHERE paid_at >= :start::timestamptz AND paid_at < :end::timestamptz AND status = :paid
           AND currency_code = :currency_code AND deleted_at IS NULL) AS paid`,
    {
      ...v,
      requested: WithdrawalStatus.REQUESTED,
      approved: WithdrawalStatus.APPROVED,
      paid: WithdrawalStatus.PAID,
    }
  )
  const [visits] = await run<{ visits: number }>(
    manager,
    `SELECT count(*)::int AS visits FROM distribution_visit
      WHERE created_at >= :start::timestamptz AND created_at < :end::timestamptz AND deleted_at IS NULL`,
    v
  )
  const byStatus = Object.fromEntries(DISTRIBUTOR_STATUSES.map((s) => [s, 0])) as Record<DistributorStatus, number>
  statuses.forEach((r) => (byStatus[r.status] = r.n))
  const cur = w.currency_code
  return {
    distributors: { ...byStatus, new: people.new },
    pending_applications: byStatus[DistributorStatus.PENDING],
    pending_withdrawals: {
      count: withdrawals.pending_count,
      amount: formatAmount(withdrawals.pending_amount, cur),
    },
    sales: formatAmount(money.sales, cur),
    orders: money.orders,
    commissions: {
      credited: formatAmount(money.credited, cur),
      pending: formatAmount(money.pending, cur),
      settled: formatAmount(money.settled, cur),
      reversed: formatAmount(money.reversed, cur),
    },
    withdrawals_requested: formatAmount(withdrawals.requested, cur),
    withdrawn: formatAmount(withdrawals.paid, cur),
    visits: visits.visits,
    conversion_rate: conversionRate(money.orders, visits.visits),
  }
}

/**
 * One row per day, week (from Monday) or month of the window, cut in the
 * window's zone by generate_series, empty periods included. The first and
 * last periods count only what falls inside the window.
 */
export async function timeseriesReport(
  manager: EntityManager,
  w: ReportWindow,
  interval: ReportInterval
): Promise<TimeseriesRow[]> {
  const bucket = (column: string) => `date_trunc(:unit, ${column} AT TIME ZONE :tz)`
  const inWindow = (column: string) =>
    `${column} >= :start::timestamptz AND ${column} < :end::timestamptz AND deleted_at IS NULL`
  const rows = await run<TimeseriesRow>(
    manager,
    `WITH periods AS (
       SELECT generate_series(
                date_trunc(:unit, :start::timestamptz AT TIME ZONE :tz),
                date_trunc(:unit, (:end::timestamptz - interval '1 microsecond') AT TIME ZONE :tz),
                ('1 ' || :unit)::interval) AS bucket
     ), commissions AS (
       SELECT ${bucket("c.created_at")} AS bucket,
              sum(${KEPT_SALES}) FILTER (WHERE c.depth = 1) AS sales,
              count(DISTINCT c.order_id) FILTER (WHERE c.depth = 1 AND c.status <> :reversed) AS orders,
              sum(c.amount) AS commissions
         FROM distribution_commission c
        WHERE c.currency_code = :currency_code AND ${inWindow("c.created_at")}
        GROUP BY 1
     ), recruits AS (
       SELECT ${bucket("activated_at")} AS bucket, count(*) AS n
         FROM distribution_distributor WHERE ${inWindow("activated_at")} GROUP BY 1
     ), requested AS (
       SELECT ${bucket("created_at")} AS bucket, sum(amount) AS amount
         FROM distribution_withdrawal
        WHERE currency_code = :currency_code AND ${inWindow("created_at")} GROUP BY 1
     ), paid AS (
       SELECT ${bucket("paid_at")} AS bucket, sum(amount) AS amount
         FROM distribution_withdrawal
        WHERE status = :paid AND currency_code = :currency_code AND ${inWindow("paid_at")} GROUP BY 1
     ), visits AS (
       SELECT ${bucket("created_at")} AS bucket, count(*) AS n
         FROM distribution_visit WHERE ${inWindow("created_at")} GROUP BY 1
     )
     SELECT to_char(p.bucket, 'YYYY-MM-DD') AS period,
            coalesce(c.sales, 0)::text AS sales,
            coalesce(c.orders, 0)::int AS orders,
            coalesce(c.commissions, 0)::text AS commissions,
            coalesce(r.n, 0)::int AS new_distributors,
            coalesce(rq.amount, 0)::text AS withdrawals_requested,
            coalesce(pd.amount, 0)::text AS withdrawals_paid,
            coalesce(v.n, 0)::int AS visits
       FROM periods p
       LEFT JOIN commissions c ON c.bucket = p.bucket
       LEFT JOIN recruits r ON r.bucket = p.bucket
       LEFT JOIN requested rq ON rq.bucket = p.bucket
       LEFT JOIN paid pd ON pd.bucket = p.bucket
       LEFT JOIN visits v ON v.bucket = p.bucket
      ORDER BY p.bucket`,
    { ...windowValues(w), unit: interval, paid: WithdrawalStatus.PAID }
  )
  const cur = w.currency_code
  return rows.map((r) => ({
    ...r,
    sales: formatAmount(r.sales, cur),
    commissions: formatAmount(r.commissions, cur),
    withdrawals_requested: formatAmount(r.withdrawals_requested, cur),
    withdrawals_paid: formatAmount(r.withdrawals_paid, cur),
  }))
}

/**
 * The best distributors of the window: by kept depth-1 sales, by commission
 * still owed or paid (credited − reversed, all depths), or by direct recruits
 * activated. Equal values share a rank and are listed by referral code.
 */
export async function leaderboardReport(
  manager: EntityManager,
  w: ReportWindow,
  by: LeaderboardBy,
  limit: number
): Promise<LeaderboardRow[]> {
  const values: Record<LeaderboardBy, string> = {
    sales: `SELECT c.distributor_id, sum(${KEPT_SALES}) AS value
              FROM distribution_commission c
             WHERE c.depth = 1 AND c.currency_code = :currency_code AND c.created_at >= :start::timestamptz
               AND c.created_at < :end::timestamptz AND c.deleted_at IS NULL
             GROUP BY c.distributor_id`,
    commissions: `SELECT c.distributor_id, sum(c.amount - c.reversed_amount) AS value
                    FROM distribution_commission c
                   WHERE c.currency_code = :currency_code AND c.created_at >= :start::timestamptz
                     AND c.created_at < :end::timestamptz AND c.deleted_at IS NULL
                   GROUP BY c.distributor_id`,
    recruits: `SELECT parent_id AS distributor_id, count(*) AS value
                 FROM distribution_distributor
                WHERE parent_id IS NOT NULL AND activated_at >= :start::timestamptz
                  AND activated_at < :end::timestamptz AND deleted_at IS NULL
                GROUP BY parent_id`,
  }
  // Sorted on the value as presented (rounded down), so ties on screen are ties here.
  const precision = by === "recruits" ? 0 : currencyPrecision(w.currency_code)
  const rows = await run<Omit<LeaderboardRow, "rank" | "value"> & { value: string }>(
    manager,
    `WITH v AS (${values[by]})
     SELECT d.id AS distributor_id, d.display_name, d.email, d.referral_code, v.value::text AS value
       FROM v JOIN distribution_distributor d ON d.id = v.distributor_id
      WHERE v.value > 0
      ORDER BY trunc(v.value, :precision) DESC, d.referral_code, d.id
      LIMIT :limit`,
    { ...windowValues(w), precision, limit }
  )
  const presented = rows.map((r) => (by === "recruits" ? Number(r.value) : formatAmount(r.value, w.currency_code)))
  const ranks = competitionRanks(presented)
  return rows.map((r, i) => ({ rank: ranks[i], ...r, value: presented[i] }))
}

export const PRODUCT_ORDERABLE = ["sales", "quantity", "orders", "commissions"] as const
export const CONVERSION_ORDERABLE = ["visits", "orders", "conversion_rate"] as const

/** `-field` → `field DESC`, over a fixed list of columns only. */
function orderBy(order: string, allowed: readonly string[]): string {
  const field = order.replace(/^-/, "")
  if (!allowed.includes(field)) {
    throw new Error(`Cannot order a report by ${field}`)
  }
  return `${field} ${order.startsWith("-") ? "DESC" : "ASC"}`
}

/**
 * Distribution sales per product in the window: units and orders of depth-1
 * lines not wholly reversed, their kept sales, and every commission the
 * product paid (all depths, credited − reversed).
 */
export async function productsReport(
  manager: EntityManager,
  w: ReportWindow,
  page: Page & { order: string }
): Promise<{ rows: ProductRow[]; count: number }> {
  const where = `c.product_id IS NOT NULL AND c.currency_code = :currency_code
                 AND c.created_at >= :start::timestamptz AND c.created_at < :end::timestamptz AND c.deleted_at IS NULL`
  const v = { ...windowValues(w), limit: page.limit, offset: page.offset }
  const [{ count }] = await run<{ count: number }>(
    manager,
    `SELECT count(DISTINCT c.product_id)::int AS count FROM distribution_commission c WHERE ${where}`,
    v
  )
  const rows = await run<ProductRow>(
      manager,
      `SELECT c.product_id,
              coalesce(sum(c.quantity) FILTER (WHERE c.depth = 1 AND c.status <> :reversed), 0)::int AS quantity,
              count(DISTINCT c.order_id) FILTER (WHERE c.depth = 1 AND c.status <> :reversed)::int AS orders,
              coalesce(sum(${KEPT_SALES}) FILTER (WHERE c.depth = 1), 0) AS sales,
              sum(c.amount - c.reversed_amount) AS commissions
         FROM distribution_commission c
        WHERE ${where}
        GROUP BY c.product_id
        ORDER BY ${orderBy(page.order, PRODUCT_ORDERABLE)}, c.product_id
        LIMIT :limit OFFSET :offset`,
      v
    )
  return {
    count,
    rows: rows.map((r) => ({
      ...r,
      sales: formatAmount(r.sales, w.currency_code),
      commissions: formatAmount(r.commissions, w.currency_code),
    })),
  }
}

/**
 * Visits and orders per distributor in the window (every distributor with
 * either), and orders ÷ visits. Orders are the distributor's depth-1 orders in
 * the report's currency, not wholly reversed.
 */
export async function conversionReport(
  manager: EntityManager,
  w: ReportWindow,
  page: Page & { order: string }
): Promise<{ rows: ConversionRow[]; count: number }> {
  const figures = `
    WITH visits AS (
      SELECT distributor_id, count(*) AS visits FROM distribution_visit
       WHERE created_at >= :start::timestamptz AND created_at < :end::timestamptz AND deleted_at IS NULL
       GROUP BY distributor_id
    ), orders AS (
      SELECT c.distributor_id, count(DISTINCT c.order_id) AS orders FROM distribution_commission c
       WHERE c.depth = 1 AND c.status <> :reversed AND c.currency_code = :currency_code
         AND c.created_at >= :start::timestamptz AND c.created_at < :end::timestamptz AND c.deleted_at IS NULL
       GROUP BY c.distributor_id
    ), figures AS (
      SELECT coalesce(v.distributor_id, o.distributor_id) AS distributor_id,
             coalesce(v.visits, 0)::int AS visits, coalesce(o.orders, 0)::int AS orders,
             coalesce(coalesce(o.orders, 0)::numeric / NULLIF(v.visits, 0), 0) AS conversion_rate
        FROM visits v FULL JOIN orders o ON o.distributor_id = v.distributor_id
    )`
  const v = { ...windowValues(w), limit: page.limit, offset: page.offset }
  const [{ count }] = await run<{ count: number }>(manager, `${figures} SELECT count(*)::int AS count FROM figures`, v)
  const rows = await run<Omit<ConversionRow, "conversion_rate">>(
      manager,
      `${figures}
       SELECT f.distributor_id, d.display_name, d.referral_code, f.visits, f.orders
         FROM figures f JOIN distribution_distributor d ON d.id = f.distributor_id
        ORDER BY ${orderBy(page.order, CONVERSION_ORDERABLE)}, f.distributor_id
        LIMIT :limit OFFSET :offset`,
      v
    )
  return { count, rows: rows.map((r) => ({ ...r, conversion_rate: conversionRate(r.orders, r.visits) })) }
}
