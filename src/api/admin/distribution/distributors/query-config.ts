import { LEVEL_AMOUNT_FIELDS, LEVEL_FIELDS } from "../levels/query-config"

/**
 * A search (`q`) counts its matches up to this many: beyond, `count` is this
 * and `count_capped` is true (the list shows "10,000+"), so that a common term
 * costs about the same at any size of the programme.
 */
export const SEARCH_COUNT_CAP = 10_000

/**
 * Default and allowed fields of the distributor list. `allowed` is all a
 * `fields` parameter may name (allowFields refuses anything else with a 400):
 * the encrypted application is not on it, nor is a relation that leads to it.
 */
export const distributorQueryConfig = {
  list: {
    defaults: [
      "id",
      "customer_id",
      "email",
      "display_name",
      "referral_code",
      "status",
      "parent_id",
      "depth",
      "team_size",
      "direct_count",
      "activated_at",
      "reviewed_at",
      "created_at",
      "level.id",
      "level.name",
      "level.rank",
    ],
    disallowed: ["application"],
    isList: true,
  },
  allowed: [
    "id",
    "customer_id",
    "email",
    "display_name",
    "referral_code",
    "status",
    "parent_id",
    "path",
    "depth",
    "team_size",
    "direct_count",
    "level_id",
    "reviewed_by",
    "reviewed_at",
    "reject_reason",
    "suspend_reason",
    "activated_at",
    "metadata",
    "created_at",
    "updated_at",
    // The level as the list shows it: its amounts (sales thresholds) leave only
    // through the level routes, which present them as amounts of the currency.
    ...LEVEL_FIELDS.filter((f) => !LEVEL_AMOUNT_FIELDS.includes(f)).map((f) => `level.${f}`),
  ],
}
