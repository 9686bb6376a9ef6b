import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { FlashSaleStatus } from "../../../../modules/distribution/constants"
import { presentFlashSales } from "../../../../lib/flash-sales"
import { addDays, localDate } from "../../../../modules/distribution/utils/wall-clock"
import { distributionService } from "../../../utils/container"
import { StoreListFlashSalesType } from "./validators"

/**
 * GET /store/distribution/flash-sales: the flash sales selling now or later,
 * each with its current and next slot and its variants' prices and
 * remaining quota; the ones selling now first, then by their next slot.
 */
export const GET = async (req: MedusaStoreRequest, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery as StoreListFlashSalesType
  const now = new Date()
  // Dates are local to each sale's zone: a day's margin, then the slots decide.
  const rows = await distributionService(req).listDistributionFlashSales(
    { status: FlashSaleStatus.ACTIVE, ends_on: { $gte: addDays(localDate(now, "UTC"), -1) } },
    { take: null }
  )
  const sales = (await presentFlashSales(req.scope, rows, now))
    .filter((s) => s.current_slot || s.next_slot)
    .sort((a, b) => {
      const at = (s: (typeof sales)[number]) => (s.current_slot ? s.current_slot.ends_at : s.next_slot!.starts_at)
      return (a.current_slot ? 0 : 1) - (b.current_slot ? 0 : 1) || at(a).localeCompare(at(b)) || a.id.localeCompare(b.id)
    })
    .map(storeView)
  res.json({ flash_sales: sales.slice(offset, offset + limit), count: sales.length, limit, offset })
}

/** What a storefront sees of a flash sale: no commission policy, no reserved/sold split. */
export function storeView(sale: Awaited<ReturnType<typeof presentFlashSales>>[number]) {
  const { commission_policy: _p, rate_bps_1: _1, rate_bps_2: _2, rate_bps_3: _3, created_at: _c, updated_at: _u, closed_at: _x, ...rest } = sale
  return { ...rest, variants: sale.variants.map(({ reserved: _r, sold: _s, ...v }) => v) }
}
