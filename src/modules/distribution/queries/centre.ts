import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { CommissionStatus, MAX_COMMISSION_DEPTH } from "../constants"
import { formatAmount } from "../utils/money"
import { withDatabaseZone } from "../utils/time-zone"
import { likePrefix } from "../utils/tree-path"
import { positions, TREE_TABLE } from "./tree"

/**
 * The distributor centre's figures, each one indexed read over the caller's own
 * rows: commissions by (distributor_id, created_at), visits by (distributor_id,
 * created_at), the team by (depth, path), and the all-time figures from the
 * caller's kept totals (`distribution_commission_total`, whose function
 * `distribution_commission_figures` applies the same definitions). Definitions
 * shared by the summary and the time series:
 * - sales: the base of the caller's depth-1 commissions still standing (not
 *   fully reversed) — what its own buyers bought;
 * - orders: the distinct orders among those;
 * - commissions: what the caller's commissions at every depth are still worth
 *   (amount − reversed amount), pending or settled.
 */
const SALES = (where: string) => `
  coalesce(sum(c.base_amount) FILTER (WHERE c.depth = 1 AND c.status <> '${CommissionStatus.REVERSED}' AND ${where}), 0)::text`

export type PeriodFigures = {
  currency_code: string
  sales: string
  orders: number
  commissions: string
}

export type SummaryFigures = {
  today: PeriodFigures[]
  this_month: PeriodFigures[]
  all_time: PeriodFigures[]
}

/**
 * Today and this month (both in `tz`), from the caller's commissions written
 * since the month began (an indexed range), and all-time figures per currency,
 * from its kept totals (`distribution_commission_total`: the same definitions,
 * kept by the database as commissions are written), so that a big earner's
 * summary does not add up its whole history.
 */
export async function summaryFigures(
  manager: EntityManager,
  input: { distributor_id: string; tz: string; now: Date }
): Promise<SummaryFigures> {
  const periods = { today: "c.created_at >= b.day_start", this_month: "true" }
  const columns = Object.entries(periods).map(
    ([name, since]) => `${SALES(since)} AS ${name}_sales,
      count(DISTINCT c.order_id) FILTER (WHERE c.depth = 1 AND c.status <> '${CommissionStatus.REVERSED}' AND ${since})::int AS ${name}_orders,
      coalesce(sum(c.amount - c.reversed_amount) FILTER (WHERE ${since}), 0)::text AS ${name}_commissions`
  )
  const rows: Record<string, string | number>[] = await withDatabaseZone(input.tz, () => manager.execute(
    `WITH b AS (
       SELECT date_trunc('day', ?::timestamptz AT TIME ZONE ?) AT TIME ZONE ? AS day_start,
              date_trunc('month', ?::timestamptz AT TIME ZONE ?) AT TIME ZONE ? AS month_start
     ), recent AS (
       SELECT c.currency_code, ${columns.join(",\n")}
         FROM distribution_commission c CROSS JOIN b
        WHERE c.distributor_id = ? AND c.deleted_at IS NULL AND c.created_at >= b.month_start
        GROUP BY c.currency_code
     )
     SELECT t.currency_code,
            coalesce(r.today_sales, '0') AS today_sales, coalesce(r.today_orders, 0) AS today_orders,
            coalesce(r.today_commissions, '0') AS today_commissions,
            coalesce(r.this_month_sales, '0') AS this_month_sales, coalesce(r.this_month_orders, 0) AS this_month_orders,
            coalesce(r.this_month_commissions, '0') AS this_month_commissions,
            t.sales::text AS all_time_sales, t.orders AS all_time_orders, t.commissions::text AS all_time_commissions
       FROM distribution_commission_total t LEFT JOIN recent r ON r.currency_code = t.currency_code
      WHERE t.distributor_id = ? AND t.lines > 0
      ORDER BY t.currency_code`,
    [input.now, input.tz, input.tz, input.now, input.tz, input.tz, input.distributor_id, input.distributor_id]
  ))
  const pick = (name: "today" | "this_month" | "all_time") =>
    rows.map((r) => ({
      currency_code: String(r.currency_code),
      sales: formatAmount(String(r[`${name}_sales`]), String(r.currency_code)),
      orders: Number(r[`${name}_orders`]),
      commissions: formatAmount(String(r[`${name}_commissions`]), String(r.currency_code)),
    }))
  return { today: pick("today"), this_month: pick("this_month"), all_time: pick("all_time") }
}

/** Team members at relative depths 1..3, each count one range of the tree table's (depth, path) index. */
export async function teamByDepth(manager: EntityManager, id: string): Promise<{ depth: number; count: number }[]> {
  const node = (await positions(manager, [id])).get(id)
  if (!node) {
    return []
  }
  const depths = Array.from({ length: MAX_COMMISSION_DEPTH }, (_, i) => i + 1)
  const rows: { depth: number; count: number }[] = await manager.execute(
    `SELECT d.rel AS depth,
            (SELECT count(*)::int FROM ${TREE_TABLE}
              WHERE depth = ? + d.rel AND path LIKE ? ESCAPE '\\' AND deleted_at IS NULL) AS count
       FROM unnest(?::int[]) AS d(rel) ORDER BY d.rel`,
    [node.depth, likePrefix(node.path), `{${depths.join(",")}}`]
  )
  return rows.map((r) => ({ depth: Number(r.depth), count: Number(r.count) }))
}

export const StatsInterval = { DAY: "day", WEEK: "week", MONTH: "month" } as const
export type StatsInterval = (typeof StatsInterval)[keyof typeof StatsInterval]
export const STATS_INTERVALS = Object.values(StatsInterval)

export type StatsBucket = {
  period: string
  start: string
  visits: number
  orders: number
  sales: string
  commissions: string
}

/**
 * One bucket per day, week (ISO, from Monday) or month of [from, to] in `tz`,
 * each with the caller's visits, orders, sales and commissions (in one
 * currency): generate_series left-joined to the grouped indexed ranges, so an
 * empty bucket is a row of zeros.
 */
export async function statsSeries(
  manager: EntityManager,
  input: { distributor_id: string; from: Date; to: Date; interval: StatsInterval; tz: string; currency_code: string }
): Promise<StatsBucket[]> {
  const { distributor_id, from, to, interval, tz, currency_code } = input
  const rows: Record<string, string | number | Date>[] = await withDatabaseZone(tz, () => manager.execute(
    `WITH buckets AS (
       SELECT g AS local_start
         FROM generate_series(date_trunc(?, ?::timestamptz AT TIME ZONE ?),
                              date_trunc(?, ?::timestamptz AT TIME ZONE ?),
                              ('1 ' || ?)::interval) g
     ), bounds AS (
       SELECT min(local_start) AT TIME ZONE ? AS lo,
              (max(local_start) + ('1 ' || ?)::interval) AT TIME ZONE ? AS hi
         FROM buckets
     ), visits AS (
       SELECT date_trunc(?, v.created_at AT TIME ZONE ?) AS local_start, count(*)::int AS visits
         FROM distribution_visit v, bounds
        WHERE v.distributor_id = ? AND v.deleted_at IS NULL
          AND v.created_at >= bounds.lo AND v.created_at < bounds.hi
        GROUP BY 1
     ), commissions AS (
       SELECT date_trunc(?, c.created_at AT TIME ZONE ?) AS local_start,
              count(DISTINCT c.order_id) FILTER (WHERE c.depth = 1 AND c.status <> '${CommissionStatus.REVERSED}')::int AS orders,
              ${SALES("c.currency_code = ?")} AS sales,
              coalesce(sum(c.amount - c.reversed_amount) FILTER (WHERE c.currency_code = ?), 0)::text AS commissions
         FROM distribution_commission c, bounds
        WHERE c.distributor_id = ? AND c.deleted_at IS NULL
          AND c.created_at >= bounds.lo AND c.created_at < bounds.hi
        GROUP BY 1
     )
     SELECT to_char(b.local_start, 'YYYY-MM-DD') AS period,
            b.local_start AT TIME ZONE ? AS start,
            coalesce(v.visits, 0) AS visits, coalesce(c.orders, 0) AS orders,
            coalesce(c.sales, '0') AS sales, coalesce(c.commissions, '0') AS commissions
       FROM buckets b
       LEFT JOIN visits v ON v.local_start = b.local_start
       LEFT JOIN commissions c ON c.local_start = b.local_start
      ORDER BY b.local_start`,
    [
      interval, from, tz, interval, to, tz, interval,
      tz, interval, tz,
      interval, tz, distributor_id,
      interval, tz, currency_code, currency_code, distributor_id,
      tz,
    ]
  ))
  return rows.map((r) => ({
    period: String(r.period),
    start: new Date(r.start as string).toISOString(),
    visits: Number(r.visits),
    orders: Number(r.orders),
    sales: formatAmount(String(r.sales), currency_code),
    commissions: formatAmount(String(r.commissions), currency_code),
  }))
}
