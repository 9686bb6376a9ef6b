import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { listStoreSales } from "../../../../lib/sales"
import { StoreListSalesType } from "./validators"

/** GET /store/distribution/sales: live and upcoming sales with their countdowns and products at Medusa's calculated prices. */
export const GET = async (req: MedusaStoreRequest, res: MedusaResponse) => {
  const { limit, offset, region_id } = req.validatedQuery as StoreListSalesType
  const page = await listStoreSales(req.scope, {
    sales_channel_ids: req.publishable_key_context?.sales_channel_ids ?? [],
    region_id,
    limit,
    offset,
  })
  res.json({ ...page, limit, offset })
}
