import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { distributionService } from "../../../../utils/container"
import { resolveReport, sendReport } from "../report"
import { AdminReportProductsType } from "../validators"

const COLUMNS = ["product_id", "title", "quantity", "orders", "sales", "commissions"] as const

/** GET /admin/distribution/reports/products: distribution sales per product, with the products' titles. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { limit, offset, order } = req.validatedQuery as AdminReportProductsType
  const { window, scope } = await resolveReport(req)
  const { rows, count } = await distributionService(req).reportProducts(window, { limit, offset, order })
  const { data: titles } = rows.length
    ? await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "product",
        fields: ["id", "title"],
        filters: { id: rows.map((r) => r.product_id) },
      })
    : { data: [] }
  // A product deleted since keeps its figures, without a title.
  const titleOf = new Map(titles.map((p) => [p.id, p.title]))
  const products = rows.map(({ product_id, ...figures }) => ({ product_id, title: titleOf.get(product_id) ?? null, ...figures }))
  sendReport(req, res, {
    name: "products",
    scope,
    body: { ...scope, products, count, limit, offset },
    columns: [...COLUMNS],
    rows: products,
  })
}
