import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import DistributionModule from "../modules/distribution"

/** referral_binding.customer: the bound buyer, read-only over customer_id. */
export default defineLink(
  { linkable: DistributionModule.linkable.referralBinding.id, field: "customer_id" },
  CustomerModule.linkable.customer,
  { readOnly: true }
)
