import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { ActivityKind } from "../constants"
import { ActivityOverlap } from "../utils/activity-overlap"
import { pgTextArray } from "../utils/sql"

/**
 * The one-activity-per-variant rule's SQL: the lock every save of a flash sale
 * (秒杀) or group buy (拼团) takes, so that of two saves over one variant the
 * second sees the first, and the activities that hold a variant in a window.
 */

/** Held to the end of the transaction by every save of an activity's window or variants, on any instance. */
const ACTIVITIES_LOCK_KEY = 7_400_210_003

export async function lockActivities(manager: EntityManager): Promise<void> {
  await manager.execute("SELECT pg_advisory_xact_lock(?)", [ACTIVITIES_LOCK_KEY])
}

/**
 * The other activities, neither closed nor ended by `now`, whose window meets
 * [starts_at, ends_at) and that hold one of the variants. A flash sale's
 * window runs from the midnight of its first day to the midnight after its
 * last, in its time zone (utils/flash-sale.ts flashSaleWindow, as SQL); a
 * group buy's is its starts_at to ends_at, its variants those it prices.
 */
export async function overlappingActivities(
  manager: EntityManager,
  input: { variant_ids: string[]; starts_at: Date; ends_at: Date; now: Date; except?: { kind: ActivityKind; id: string } | null }
): Promise<ActivityOverlap[]> {
  if (!input.variant_ids.length) {
    return []
  }
  return await manager.execute(
    `WITH activity AS (
       SELECT 'flash_sale' AS kind, f.id AS activity_id, f.name, v.variant_id,
              (f.starts_on::date)::timestamp AT TIME ZONE f.time_zone AS starts_at,
              (f.ends_on::date + 1)::timestamp AT TIME ZONE f.time_zone AS ends_at
         FROM distribution_flash_sale f
         JOIN distribution_flash_sale_variant v ON v.flash_sale_id = f.id AND v.deleted_at IS NULL
        WHERE f.deleted_at IS NULL AND f.status <> 'closed'
       UNION
       SELECT 'group_buy', g.id, g.name, p.price->>'variant_id', g.starts_at, g.ends_at
         FROM distribution_group_buy g CROSS JOIN LATERAL jsonb_array_elements(g.prices) AS p(price)
        WHERE g.deleted_at IS NULL AND g.status <> 'closed')
     SELECT kind, activity_id, name, variant_id, starts_at, ends_at FROM activity
      WHERE variant_id = ANY(?::text[]) AND starts_at < ? AND ends_at > ? AND ends_at > ?
        AND NOT (kind = ? AND activity_id = ?)
      ORDER BY starts_at, activity_id, variant_id`,
    [pgTextArray(input.variant_ids), input.ends_at, input.starts_at, input.now, input.except?.kind ?? "", input.except?.id ?? ""]
  )
}
