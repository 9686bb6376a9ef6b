import { ActivityKind } from "../constants"

/**
 * Where each kind of activity keeps the quota a reservation takes: a table
 * with integer `quota`, `reserved` and `sold` columns (and a CHECK
 * reserved + sold <= quota), and the row of an (activity, variant). The
 * shared reservation statements (queries/activity-reservations.ts) take,
 * consume and give back the quota through this, whatever the kind.
 */
export type QuotaRef = { table: string; match: Record<string, string> }

const QUOTA_OF: Partial<Record<ActivityKind, (activityId: string, variantId: string) => QuotaRef>> = {
  [ActivityKind.FLASH_SALE]: (activityId, variantId) => ({
    table: "distribution_flash_sale_variant",
    match: { flash_sale_id: activityId, variant_id: variantId },
  }),
}

/**
 * The quota row of an (activity, variant), or null for a kind without one:
 * a 拼团 group buy sells no stock quota, its seats are its groups' (the seat is
 * taken in reserveActivity's transaction, queries/group-buys.ts).
 */
export function quotaRef(kind: ActivityKind, activityId: string, variantId: string): QuotaRef | null {
  const of = QUOTA_OF[kind]
  return of ? of(activityId, variantId) : null
}

/** `col = ? AND col = ?` over a quota row's match, with its parameters (column names are the registry's own, never input). */
export function quotaWhere(ref: QuotaRef): { sql: string; params: string[] } {
  const columns = Object.keys(ref.match)
  return {
    sql: columns.map((c) => `"${c}" = ?`).join(" AND ") + " AND deleted_at IS NULL",
    params: columns.map((c) => ref.match[c]),
  }
}
