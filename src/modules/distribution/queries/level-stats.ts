import { DistributorStatus } from "../constants"

/**
 * The figures of LEVEL_STATS_SQL read from a distributor's kept totals row
 * `t` (none yet: nothing settled, zeros): personal_sales, team_sales, orders.
 */
export const levelTotals = (t: string) => `coalesce(${t}.settled_personal_sales, 0) AS personal_sales,
         coalesce(${t}.settled_team_sales, 0) AS team_sales,
         coalesce(${t}.settled_orders, 0) AS orders`

/**
 * What a level's upgrade thresholds are measured against, defined once for the
 * automatic upgrade and for the progress bar of the distributor centre, so the
 * two can never disagree: personal sales (depth-1 sales kept), team sales (all
 * attributed sales kept), direct recruits and depth-1 orders, from settled
 * commissions only, in the programme's currency (a threshold is an amount in it:
 * sales in another currency do not count towards it). Sales "kept" scale each
 * base by what is left of its commission after reversals. The sums are the
 * distributor's kept totals (`distribution_commission_total`, which the
 * database keeps as commissions are written: Migration20261203200000), so
 * neither the upgrade nor the centre adds up a big earner's history.
 *
 * Expects two parameters: the programme's currency, then a text[] literal of
 * distributor ids. Yields one row per
 * active distributor: id, level_id, rank (-1 without a level), direct_count,
 * personal_sales, team_sales, orders.
 */
export const LEVEL_STATS_SQL = `
  SELECT d.id, d.level_id, coalesce(l.rank, -1) AS rank, d.direct_count, ${levelTotals("t")}
    FROM distribution_distributor d
    LEFT JOIN distribution_level l ON l.id = d.level_id
    LEFT JOIN distribution_commission_total t ON t.distributor_id = d.id AND t.currency_code = ?
   WHERE d.id = ANY(?::text[]) AND d.status = '${DistributorStatus.ACTIVE}' AND d.deleted_at IS NULL`
