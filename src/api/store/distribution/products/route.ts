import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requireDistributor } from "../../../utils/container"
import { listEarningProducts } from "../../../../lib/earning-products"
import { sharerOf, sharesOf } from "../../../../lib/share"
import { ShareTarget } from "../../../../modules/distribution/constants"
import { productPath } from "../../../../modules/distribution/utils/share"
import { StoreListEarningProductsType } from "./validators"

/** The store's products that earn a commission, with what the caller would earn per variant and its share of each. */
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
  const sharer = sharerOf(service, me)
  const shares = sharer
    ? await sharesOf(req.scope, sharer, page.products.map((p) => ({ type: ShareTarget.PRODUCT, id: p.id, path: productPath(p.handle) })))
    : []
  res.json({ ...page, products: page.products.map((p, i) => ({ ...p, share: shares[i] ?? null })), limit, offset })
}
