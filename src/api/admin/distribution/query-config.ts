/**
 * Default and allowed fields of the admin list routes. `allowed` is all a
 * `fields` parameter may name (allowFields refuses anything else with a 400):
 * the encrypted application is on no list, nor is a relation that leads to it.
 */

const LEVEL_FIELDS = [
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
  "created_at",
  "updated_at",
]

const LEVEL_AMOUNT_FIELDS = ["upgrade_personal_sales", "upgrade_team_sales"]

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

export const levelQueryConfig = {
  list: {
    defaults: LEVEL_FIELDS.filter((f) => f !== "updated_at"),
    isList: true,
  },
  allowed: LEVEL_FIELDS,
}

export const bindingQueryConfig = {
  list: {
    defaults: [
      "id",
      "customer_id",
      "distributor_id",
      "source",
      "bound_at",
      "expires_at",
      "bound_by",
      "created_at",
    ],
    isList: true,
  },
  allowed: ["id", "customer_id", "distributor_id", "source", "bound_at", "expires_at", "bound_by", "created_at", "updated_at"],
}

export const auditLogQueryConfig = {
  list: {
    defaults: ["id", "actor_type", "actor_id", "action", "entity_type", "entity_id", "data", "created_at"],
    isList: true,
  },
  allowed: ["id", "actor_type", "actor_id", "action", "entity_type", "entity_id", "data", "created_at", "updated_at"],
}

const COMMISSION_RULE_FIELDS = [
  "id",
  "target_type",
  "target_id",
  "mode",
  "rate_bps_1",
  "rate_bps_2",
  "rate_bps_3",
  "fixed_amount_1",
  "fixed_amount_2",
  "fixed_amount_3",
  "currency_code",
  "note",
  "created_at",
  "updated_at",
]

/**
 * Named fields, not "*": through validateAndTransformQuery, a "*" default came
 * back from Query as a page of nulls.
 */
export const commissionRuleQueryConfig = {
  list: { defaults: COMMISSION_RULE_FIELDS, isList: true },
  allowed: COMMISSION_RULE_FIELDS,
}

const COMMISSION_FIELDS = [
  "id",
  "order_id",
  "line_item_id",
  "distributor_id",
  "buyer_customer_id",
  "depth",
  "attribution",
  "product_id",
  "variant_id",
  "quantity",
  "base_amount",
  "rate_bps",
  "rate_source",
  "rule_id",
  "amount",
  "reversed_amount",
  "currency_code",
  "status",
  "eligible_at",
  "settled_at",
  "reversed_at",
  "created_at",
]

export const commissionQueryConfig = {
  list: { defaults: COMMISSION_FIELDS, isList: true },
  allowed: [...COMMISSION_FIELDS, "updated_at"],
}
