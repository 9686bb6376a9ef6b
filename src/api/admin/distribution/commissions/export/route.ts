import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { sendCsv, toCsv } from "../../../../utils/csv"
import { presentCommission } from "../../../../utils/present"

const COLUMNS = [
  "id", "order_id", "line_item_id", "distributor_id", "depth", "attribution", "quantity", "base_amount",
  "rate_bps", "rate_source", "amount", "reversed_amount", "currency_code", "status", "eligible_at",
  "settled_at", "reversed_at", "created_at",
] as const

/** The commissions list's filters, as a CSV for the finance team (up to 50,000 rows a file). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "commission",
    fields: [...COLUMNS],
    filters: req.filterableFields,
    pagination: { skip: 0, take: 50_000, order: { created_at: "ASC" } },
  })
  const rows = data.map((c) => {
    const row = presentCommission(c as Record<string, unknown> & { currency_code: string }) as Record<string, unknown>
    return COLUMNS.map((k) => row[k] as string)
  })
  sendCsv(res, `commissions-${new Date().toISOString().slice(0, 10)}.csv`, toCsv([...COLUMNS], rows))
}
