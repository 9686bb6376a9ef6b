import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { distributionService } from "../../../utils/container"
import { presentWithdrawalsForAdmin, withdrawalFilters } from "./helpers"
import { AdminListWithdrawalsType } from "./validators"

/** The withdrawal queue: filter by status, method, distributor, date, amount or a search term. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListWithdrawalsType>, res: MedusaResponse) => {
  const service = distributionService(req)
  const { limit, offset, order, ...filters } = req.validatedQuery as AdminListWithdrawalsType
  const field = order.replace(/^-/, "")
  const [rows, count] = await service.listAndCountWithdrawals(await withdrawalFilters(service, filters), {
    skip: offset,
    take: limit,
    order: { [field]: order.startsWith("-") ? "DESC" : "ASC", id: "DESC" },
  })
  res.json({ withdrawals: await presentWithdrawalsForAdmin(service, rows), count, limit, offset })
}
