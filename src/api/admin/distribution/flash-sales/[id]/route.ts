import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { DistributionEvents, FlashSaleStatus } from "../../../../../modules/distribution/constants"
import { resolveFlashVariants, retrieveFlashSale } from "../../../../../lib/flash-sales"
import { activityVariantLabels } from "../../../../../lib/activity/variants"
import { distributionService } from "../../../../utils/container"
import { asHttpError } from "../../../../utils/workflow"
import { AdminUpdateFlashSaleType } from "../validators"

/** GET /admin/distribution/flash-sales/:id */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ flash_sale: await retrieveFlashSale(req.scope, req.params.id) })
}

/** POST /admin/distribution/flash-sales/:id: changes a flash sale that is not closed. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateFlashSaleType>, res: MedusaResponse) => {
  const current = await retrieveFlashSale(req.scope, req.params.id)
  if (current.status === FlashSaleStatus.CLOSED) {
    throw asHttpError(new MedusaError(MedusaError.Types.CONFLICT, `The flash sale "${current.name}" is closed`))
  }
  const { variants, ...sale } = req.validatedBody
  const starts_on = sale.starts_on ?? current.starts_on
  const ends_on = sale.ends_on ?? current.ends_on
  if (ends_on < starts_on) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `ends_on (${ends_on}) is before starts_on (${starts_on})`)
  }
  const stored = variants ? await resolveFlashVariants(req.scope, variants) : undefined
  try {
    const variant_labels = await activityVariantLabels(req.scope, (stored ?? current.variants).map((v) => v.variant_id))
    await distributionService(req).updateFlashSale({ id: current.id, sale, variants: stored, variant_labels })
  } catch (error) {
    throw asHttpError(error)
  }
  await req.scope.resolve(Modules.EVENT_BUS).emit({ name: DistributionEvents.FLASH_SALE_UPDATED, data: { id: current.id, actor_id: req.auth_context.actor_id } })
  res.json({ flash_sale: await retrieveFlashSale(req.scope, current.id) })
}
