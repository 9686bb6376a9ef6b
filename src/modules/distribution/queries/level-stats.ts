import { CommissionStatus, DistributorStatus } from "../constants"

/**
 * What a level's upgrade thresholds are measured against, defined once for the
 * automatic upgrade and for the progress bar of the distributor centre, so the
 * two can never disagree: personal sales (depth-1 sales kept), team sales (all
 * attributed sales kept), direct recruits and depth-1 orders, from settled
 * commissions only, in the programme's currency (a threshold is an amount in it:
 * sales in another currency do not count towards it). Sales "kept" scale each
 * base by what is left of its commission after reversals.
 *
 * Expects two parameters: the programme's currency, then a text[] literal of
 * distributor ids. Yields one row per
 * active distributor: id, level_id, rank (-1 without a level), direct_count,
 * personal_sales, team_sales, orders.
 */
export const LEVEL_STATS_SQL = `
  SELECT d.id, d.level_id, coalesce(l.rank, -1) AS rank, d.direct_count,
         coalesce(sum(c.base_amount * (1 - c.reversed_amount / NULLIF(c.amount, 0))) FILTER (WHERE c.depth = 1), 0) AS personal_sales,
         coalesce(sum(c.base_amount * (1 - c.reversed_amount / NULLIF(c.amount, 0))), 0) AS team_sales,
         count(DISTINCT c.order_id) FILTER (WHERE c.depth = 1) AS orders
    FROM distribution_distributor d
    LEFT JOIN distribution_level l ON l.id = d.level_id
    LEFT JOIN distribution_commission c
      ON c.distributor_id = d.id AND c.status = '${CommissionStatus.SETTLED}' AND c.currency_code = ? AND c.deleted_at IS NULL
   WHERE d.id = ANY(?::text[]) AND d.status = '${DistributorStatus.ACTIVE}' AND d.deleted_at IS NULL
   GROUP BY d.id, d.level_id, l.rank, d.direct_count`
