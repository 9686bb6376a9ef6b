import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import DistributionModule from "../modules/distribution"

/**
 * commission_rule.variant: the rule's target when its target_type is variant,
 * read-only over target_id (no link table). For a rule of another type the id
 * names no variant, and the field comes back empty. Ask Query for one of the four
 * target links per call: asked for several at once, Medusa 2.21's Query fills
 * one with the records of another (they share target_id and the module).
 */
export default defineLink(
  { linkable: DistributionModule.linkable.commissionRule.id, field: "target_id" },
  { linkable: ProductModule.linkable.productVariant, alias: "variant" },
  { readOnly: true }
)
