import { model } from "@medusajs/framework/utils"

/**
 * A variant in a flash sale: its prices per currency (decimal strings in the
 * major unit, { cny: "59.90" }) and its quota for the whole sale (as yudao's
 * seckill stock: every slot sells from it). `reserved` counts the quota held
 * by open checkouts, `sold` by placed orders; a CHECK keeps
 * reserved + sold <= quota, so the quota is never oversold.
 */
const DistributionFlashSaleVariant = model
  .define({ name: "distribution_flash_sale_variant", tableName: "distribution_flash_sale_variant" }, {
    id: model.id({ prefix: "dflsv" }).primaryKey(),
    flash_sale_id: model.text(),
    variant_id: model.text(),
    product_id: model.text(),
    prices: model.json(),
    quota: model.number(),
    reserved: model.number().default(0),
    sold: model.number().default(0),
  })
  .indexes([
    { name: "IDX_distribution_flash_sale_variant_unique", on: ["flash_sale_id", "variant_id"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_distribution_flash_sale_variant_variant", on: ["variant_id"], where: "deleted_at IS NULL" },
  ])

export default DistributionFlashSaleVariant
