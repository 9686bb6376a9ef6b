import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { DistributionEvents, FlashSaleStatus } from "../../../../../../modules/distribution/constants"
import { retrieveFlashSale } from "../../../../../../lib/flash-sales"
import { distributionService } from "../../../../../utils/container"
import { asHttpError } from "../../../../../utils/workflow"

/**
 * POST /admin/distribution/flash-sales/:id/close: stops the flash sale for
 * good (no new checkout; open reservations still complete or expire).
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const current = await retrieveFlashSale(req.scope, req.params.id)
  if (current.status === FlashSaleStatus.CLOSED) {
    throw asHttpError(new MedusaError(MedusaError.Types.CONFLICT, `The flash sale "${current.name}" is already closed`))
  }
  await distributionService(req).updateDistributionFlashSales({ id: current.id, status: FlashSaleStatus.CLOSED, closed_at: new Date() })
  await req.scope.resolve(Modules.EVENT_BUS).emit({ name: DistributionEvents.FLASH_SALE_CLOSED, data: { id: current.id, actor_id: req.auth_context.actor_id } })
  res.json({ flash_sale: await retrieveFlashSale(req.scope, current.id) })
}
