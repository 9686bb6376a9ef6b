import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { DistributorSearchOrder } from "../../../../modules/distribution/queries/distributor-search"
import { distributionService } from "../../../utils/container"
import { SEARCH_COUNT_CAP, SEARCH_WALK_ROWS } from "./query-config"
import { AdminListDistributorsType } from "./validators"

/** Distributors, filtered by status, level, parent or depth; searched by code (prefix), email or name. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminListDistributorsType>,
  res: MedusaResponse
) => {
  const { q, status, level_id, parent_id, customer_id, depth, order, limit, offset } =
    req.validatedQuery as AdminListDistributorsType
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const parent = !parent_id ? undefined : parent_id === "null" ? null : parent_id
  if (q) {
    // The page's ids come from the search, in order; their fields from the graph, as without q.
    const page = await distributionService(req).searchDistributors({
      q,
      status,
      level_id,
      customer_id,
      parent_id: parent,
      depth,
      order: { column: order.replace(/^-/, "") as DistributorSearchOrder, descending: order.startsWith("-") },
      limit,
      offset,
      count_cap: SEARCH_COUNT_CAP,
      walk_rows: SEARCH_WALK_ROWS,
    })
    const fields = req.queryConfig.fields.includes("id") ? req.queryConfig.fields : ["id", ...req.queryConfig.fields]
    const { data } = page.ids.length
      ? await query.graph({ entity: "distributor", fields, filters: { id: page.ids } })
      : { data: [] }
    const byId = new Map(data.map((d: { id: string }) => [d.id, d]))
    res.json({
      distributors: page.ids.map((id) => byId.get(id)).filter(Boolean),
      count: page.count,
      count_capped: page.count_capped,
      offset,
      limit,
    })
    return
  }
  const filters: Record<string, unknown> = {}
  if (status) filters.status = status
  if (level_id) filters.level_id = level_id
  if (customer_id) filters.customer_id = customer_id
  if (depth !== undefined) filters.depth = depth
  if (parent !== undefined) filters.parent_id = parent
  const { data, metadata } = await query.graph({
    entity: "distributor",
    ...req.queryConfig,
    filters,
  })
  res.json({
    distributors: data,
    count: metadata?.count ?? data.length,
    count_capped: false,
    offset: metadata?.skip ?? 0,
    limit: metadata?.take ?? data.length,
  })
}
