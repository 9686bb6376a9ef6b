import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import DistributionModule from "../modules/distribution"

/** distributor.customer: read-only over distributor.customer_id (no link table). */
export default defineLink(
  { linkable: DistributionModule.linkable.distributor.id, field: "customer_id" },
  CustomerModule.linkable.customer,
  { readOnly: true }
)
