import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { distributorSearchFilter } from "../../../utils/distributor-search"
import { AdminListDistributorsType } from "./validators"

/** Distributors, filtered by status, level, parent or depth; searched by code (prefix), email or name. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminListDistributorsType>,
  res: MedusaResponse
) => {
  const { q, status, level_id, parent_id, customer_id, depth } =
    req.validatedQuery as AdminListDistributorsType
  const filters: Record<string, unknown> = {}
  if (status) filters.status = status
  if (level_id) filters.level_id = level_id
  if (customer_id) filters.customer_id = customer_id
  if (depth !== undefined) filters.depth = depth
  if (parent_id) filters.parent_id = parent_id === "null" ? null : parent_id
  if (q) Object.assign(filters, distributorSearchFilter(q))
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "distributor",
    ...req.queryConfig,
    filters,
  })
  res.json({
    distributors: data,
    count: metadata?.count ?? data.length,
    offset: metadata?.skip ?? 0,
    limit: metadata?.take ?? data.length,
  })
}
