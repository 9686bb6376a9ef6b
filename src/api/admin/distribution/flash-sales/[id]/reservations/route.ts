import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listFlashSaleReservations } from "../../../../../../lib/flash-sales"
import { AdminListFlashSaleReservationsType } from "../../validators"

/**
 * GET /admin/distribution/flash-sales/:id/reservations: the quota the sale's
 * buyers hold, bought (consumed by an order) or released, the latest first,
 * each with its buyer and its order.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const page = await listFlashSaleReservations(req.scope, req.params.id, req.validatedQuery as AdminListFlashSaleReservationsType)
  res.json(page)
}
