import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { retrieveFlashSale } from "../../../../../lib/flash-sales"
import { storeView } from "../route"

/** GET /store/distribution/flash-sales/:id: one flash sale with its slots and remaining quota. */
export const GET = async (req: MedusaStoreRequest, res: MedusaResponse) => {
  res.json({ flash_sale: storeView(await retrieveFlashSale(req.scope, req.params.id)) })
}
