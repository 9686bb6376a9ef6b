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
 * Default and allowed fields of the rule list (allowFields refuses anything
 * else with a 400). Named fields, not "*": through validateAndTransformQuery,
 * a "*" default came back from Query as a page of nulls.
 */
export const commissionRuleQueryConfig = {
  list: { defaults: COMMISSION_RULE_FIELDS, isList: true },
  allowed: COMMISSION_RULE_FIELDS,
}
