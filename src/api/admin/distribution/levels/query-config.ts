/**
 * Default and allowed fields of the level list. `allowed` is all a `fields`
 * parameter may name (allowFields refuses anything else with a 400).
 */

export const LEVEL_FIELDS = [
  "id",
  "name",
  "description",
  "rank",
  "rate_bps_1",
  "rate_bps_2",
  "rate_bps_3",
  "upgrade_personal_sales",
  "upgrade_team_sales",
  "upgrade_direct_recruits",
  "upgrade_orders",
  "is_default",
  "customer_group_id",
  "created_at",
  "updated_at",
]

/** A level's amounts (sales thresholds): only the level routes present them, as amounts of the currency. */
export const LEVEL_AMOUNT_FIELDS = ["upgrade_personal_sales", "upgrade_team_sales"]

export const levelQueryConfig = {
  list: {
    defaults: LEVEL_FIELDS.filter((f) => f !== "updated_at"),
    isList: true,
  },
  allowed: LEVEL_FIELDS,
}
