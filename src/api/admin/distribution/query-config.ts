/** Default and allowed fields of the admin list routes; the encrypted application never leaves. */
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
}

export const levelQueryConfig = {
  list: {
    defaults: [
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
    ],
    isList: true,
  },
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
}

export const auditLogQueryConfig = {
  list: {
    defaults: ["id", "actor_type", "actor_id", "action", "entity_type", "entity_id", "data", "created_at"],
    isList: true,
  },
}

/**
 * Named fields, not "*": through validateAndTransformQuery, a "*" default came
 * back from Query as a page of nulls.
 */
export const commissionRuleQueryConfig = {
  list: {
    defaults: [
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
    ],
    isList: true,
  },
}

export const commissionQueryConfig = {
  list: {
    defaults: [
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
    ],
    isList: true,
  },
}
