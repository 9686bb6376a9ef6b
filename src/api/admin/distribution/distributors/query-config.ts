import { LEVEL_AMOUNT_FIELDS, LEVEL_FIELDS } from "../levels/query-config"

/**
 * A search (`q`) counts its matches up to this many: beyond, `count` is this
 * and `count_capped` is true (the list shows "1,000+"), so that a common term
 * costs about the same at any size of the programme. Reading the matches to
 * count them is most of what a common term costs (10,001 of them took about
 * 100 ms at a million distributors), and nobody pages through a thousand
 * results: a narrower term finds them.
 */
export const SEARCH_COUNT_CAP = 1_000

/**
 * When more than the cap match, the page is looked for along the order's index
 * in a window of this many rows (at 5% matches, about 400 rows hold a page of
 * 20); a term too rare for the window has its matches sorted instead.
 */
export const SEARCH_WALK_ROWS = 20_000

/**
 * The fields of a distributor's place in the tree: in the tree's table
 * (queries/tree.ts), so the list reads them there, not through the graph.
 */
export const TREE_FIELDS = ["path", "depth"]

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
