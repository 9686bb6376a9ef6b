import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requireDistributor } from "../../../utils/container"
import { presentCommission } from "../../../utils/present"
import { StoreListCommissionsType } from "./validators"

/** The caller's commissions, newest first; filter by status, depth and date. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, StoreListCommissionsType>,
  res: MedusaResponse
) => {
  const { service, me } = await requireDistributor(req)
  const { status, depth, from, to, limit, offset } = req.validatedQuery as StoreListCommissionsType
  const filters: Record<string, unknown> = { distributor_id: me.id }
  if (status) filters.status = status
  if (depth) filters.depth = depth
  if (from || to) filters.created_at = { ...(from ? { $gte: from } : {}), ...(to ? { $lte: to } : {}) }
  const [rows, count] = await service.listAndCountCommissions(filters, {
    skip: offset,
    take: limit,
    order: { created_at: "DESC", id: "DESC" },
    select: [
      "id", "order_id", "line_item_id", "product_id", "variant_id", "depth", "quantity", "base_amount",
      "rate_bps", "rate_source", "amount", "reversed_amount", "currency_code", "status", "eligible_at",
      "settled_at", "reversed_at", "created_at",
    ],
  })
  res.json({ commissions: rows.map(presentCommission), count, limit, offset })
}
