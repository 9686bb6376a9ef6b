import { model } from "@medusajs/framework/utils"

/**
 * A variant in a sale, one row per (sale, variant): what the overlap check
 * reads under the sales lock (a variant is in at most one sale at any instant)
 * and what the credit of an order reads to find the sale of a line.
 */
const DistributionSaleVariant = model
  .define({ name: "distribution_sale_variant", tableName: "distribution_sale_variant" }, {
    id: model.id({ prefix: "dsalv" }).primaryKey(),
    sale_id: model.text(),
    variant_id: model.text(),
    product_id: model.text(),
  })
  .indexes([
    { name: "IDX_distribution_sale_variant_unique", on: ["sale_id", "variant_id"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_distribution_sale_variant_variant", on: ["variant_id"], where: "deleted_at IS NULL" },
  ])

export default DistributionSaleVariant
