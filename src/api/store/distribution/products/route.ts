import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requireDistributor } from "../../../utils/container"
import { listEarningProducts } from "../../../../lib/earning-products"
import { StoreListEarningProductsType } from "./validators"

/** The store's products that earn a commission, with what the caller would earn per variant. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, StoreListEarningProductsType>, res: MedusaResponse) => {
  const { service, me } = await requireDistributor(req)
  const { limit, offset, ...filters } = req.validatedQuery as StoreListEarningProductsType
  const page = await listEarningProducts(req.scope, {
    service,
    me,
    sales_channel_ids: req.publishable_key_context?.sales_channel_ids ?? [],
    ...filters,
    limit,
    offset,
  })
  res.json({ ...page, limit, offset })
}
