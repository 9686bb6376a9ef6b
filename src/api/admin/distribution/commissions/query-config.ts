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
  "sale_id",
  "created_at",
]

/** Default and allowed fields of the commission list and export (allowFields refuses anything else with a 400). */
export const commissionQueryConfig = {
  list: { defaults: COMMISSION_FIELDS, isList: true },
  allowed: [...COMMISSION_FIELDS, "updated_at"],
}
