import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SaleStatus } from "../../../../modules/distribution/constants"
import { createSaleWorkflow } from "../../../../workflows"
import { presentSales, retrieveSale } from "../../../../lib/sales"
import { distributionService } from "../../../utils/container"
import { runWorkflow } from "../../../utils/workflow"
import { AdminCreateSaleType, AdminListSalesType } from "./validators"

/** The filter of each status on a sale's window, at `now`. */
const WINDOW_OF: Record<SaleStatus, (now: Date) => Record<string, unknown>> = {
  upcoming: (now) => ({ starts_at: { $gt: now } }),
  live: (now) => ({ starts_at: { $lte: now }, ends_at: { $gt: now } }),
  ended: (now) => ({ ends_at: { $lte: now } }),
}

/** GET /admin/distribution/sales: the limited-time sales, the latest to start first, with their variants and prices. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { limit, offset, status, q, price_list_id } = req.validatedQuery as AdminListSalesType
  const now = new Date()
  const filters: Record<string, unknown> = {}
  if (status) filters.$or = status.map((s) => WINDOW_OF[s](now))
  if (price_list_id) filters.price_list_id = price_list_id
  if (q) filters.name = { $ilike: `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` }
  const [rows, count] = await distributionService(req).listAndCountDistributionSales(filters, {
    take: limit,
    skip: offset,
    order: { starts_at: "DESC", id: "ASC" },
  })
  res.json({ sales: await presentSales(req.scope, rows, now), count, limit, offset })
}

/** POST /admin/distribution/sales: creates a sale (a Medusa sale price list over its window). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateSaleType>, res: MedusaResponse) => {
  const sale = await runWorkflow(createSaleWorkflow, req.scope, { ...req.validatedBody, actor_id: req.auth_context.actor_id })
  res.status(201).json({ sale: await retrieveSale(req.scope, sale.id) })
}
