/** Default and allowed fields of the binding list (allowFields refuses anything else with a 400). */
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
