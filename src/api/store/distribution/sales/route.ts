import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listStoreSales } from "../../../../lib/sales"
import { sharerOf, sharesOf } from "../../../../lib/share"
import { ShareTarget } from "../../../../modules/distribution/constants"
import { salePath } from "../../../../modules/distribution/utils/share"
import { distributionService } from "../../../utils/container"
import { StoreListSalesType } from "./validators"

/**
 * GET /store/distribution/sales: live and upcoming sales with their countdowns
 * and products at Medusa's calculated prices; with a distributor's login, its
 * share of each sale.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, StoreListSalesType>, res: MedusaResponse) => {
  const { limit, offset, region_id } = req.validatedQuery as StoreListSalesType
  const page = await listStoreSales(req.scope, {
    sales_channel_ids: req.publishable_key_context?.sales_channel_ids ?? [],
    region_id,
    limit,
    offset,
  })
  const customerId = req.auth_context?.actor_id
  const service = distributionService(req)
  const sharer = customerId ? sharerOf(service, await service.retrieveDistributorByCustomer(customerId)) : null
  const shares = sharer
    ? await sharesOf(req.scope, sharer, page.sales.map((s) => ({ type: ShareTarget.SALE, id: s.id, path: salePath(s.id) })))
    : []
  res.json({ ...page, sales: page.sales.map((s, i) => ({ ...s, share: shares[i] ?? null })), limit, offset })
}
