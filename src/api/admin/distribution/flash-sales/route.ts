import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { DistributionEvents } from "../../../../modules/distribution/constants"
import { presentFlashSales, resolveFlashVariants, retrieveFlashSale } from "../../../../lib/flash-sales"
import { activityVariantLabels } from "../../../../lib/activity/variants"
import { distributionService } from "../../../utils/container"
import { asHttpError } from "../../../utils/workflow"
import { AdminCreateFlashSaleType, AdminListFlashSalesType } from "./validators"

/** GET /admin/distribution/flash-sales: the flash sales, the latest to start first, with their variants, quotas and sales. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { limit, offset, status, q } = req.validatedQuery as AdminListFlashSalesType
  const filters: Record<string, unknown> = {}
  if (status) filters.status = status
  if (q) filters.name = { $ilike: `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` }
  const [rows, count] = await distributionService(req).listAndCountDistributionFlashSales(filters, {
    take: limit,
    skip: offset,
    order: { starts_on: "DESC", id: "ASC" },
  })
  res.json({ flash_sales: await presentFlashSales(req.scope, rows), count, limit, offset })
}

/** POST /admin/distribution/flash-sales: creates a flash sale (秒杀). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateFlashSaleType>, res: MedusaResponse) => {
  const { variants, ...sale } = req.validatedBody
  const stored = await resolveFlashVariants(req.scope, variants)
  const variant_labels = await activityVariantLabels(req.scope, stored.map((v) => v.variant_id))
  const created = await distributionService(req).createFlashSale({ sale, variants: stored, variant_labels }).catch((error) => {
    throw asHttpError(error)
  })
  const flash_sale = await retrieveFlashSale(req.scope, created.id)
  await req.scope.resolve(Modules.EVENT_BUS).emit({ name: DistributionEvents.FLASH_SALE_CREATED, data: { id: created.id, actor_id: req.auth_context.actor_id } })
  res.status(201).json({ flash_sale })
}
