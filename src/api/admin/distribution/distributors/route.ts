import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { DistributorSearchOrder } from "../../../../modules/distribution/queries/distributor-search"
import { distributionService } from "../../../utils/container"
import { SEARCH_COUNT_CAP, SEARCH_WALK_ROWS, TREE_FIELDS } from "./query-config"
import { AdminListDistributorsType } from "./validators"

/** Distributors, filtered by status, level, parent or depth; searched by code (prefix), email or name. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminListDistributorsType>,
  res: MedusaResponse
) => {
  const { q, status, level_id, parent_id, customer_id, depth, order, limit, offset } =
    req.validatedQuery as AdminListDistributorsType
  const service = distributionService(req)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const parent = !parent_id ? undefined : parent_id === "null" ? null : parent_id
  const filters = { status, level_id, customer_id, parent_id: parent, depth }
  const sort = { column: order.replace(/^-/, "") as DistributorSearchOrder, descending: order.startsWith("-") }
  // The place in the tree (path, depth) is in the tree's table, not the graph's distributor.
  const requested = req.queryConfig.fields
  const treeFields = requested.filter((f) => TREE_FIELDS.includes(f))
  const graphFields = ["id", ...requested.filter((f) => f !== "id" && !TREE_FIELDS.includes(f))]
  const withTree = async (rows: { id: string }[]) => {
    if (!treeFields.length) return rows
    const placed = await service.withTreePositions(rows)
    return placed.map(({ path, depth, ...row }) => ({
      ...row,
      ...(treeFields.includes("path") ? { path } : {}),
      ...(treeFields.includes("depth") ? { depth } : {}),
    }))
  }

  // A page whose ids come from the module's SQL, in order; their fields from the graph.
  const byIds = async (page: { ids: string[]; count: number; count_capped?: boolean }) => {
    const { data } = page.ids.length
      ? await query.graph({ entity: "distributor", fields: graphFields, filters: { id: page.ids } })
      : { data: [] }
    const byId = new Map(data.map((d: { id: string }) => [d.id, d]))
    res.json({
      distributors: await withTree(page.ids.map((id) => byId.get(id)).filter((d): d is { id: string } => !!d)),
      count: page.count,
      count_capped: page.count_capped ?? false,
      offset,
      limit,
    })
  }

  if (q) {
    return await byIds(
      await service.searchDistributors({
        q,
        ...filters,
        order: sort,
        limit,
        offset,
        count_cap: SEARCH_COUNT_CAP,
        walk_rows: SEARCH_WALK_ROWS,
      })
    )
  }
  if (depth !== undefined || sort.column === "depth") {
    return await byIds(await service.listDistributorIdsByDepth({ ...filters, order: sort, limit, offset }))
  }
  const graphFilters: Record<string, unknown> = {}
  if (status) graphFilters.status = status
  if (level_id) graphFilters.level_id = level_id
  if (customer_id) graphFilters.customer_id = customer_id
  if (parent !== undefined) graphFilters.parent_id = parent
  const { data, metadata } = await query.graph({
    entity: "distributor",
    ...req.queryConfig,
    fields: graphFields,
    filters: graphFilters,
  })
  res.json({
    distributors: await withTree(data),
    count: metadata?.count ?? data.length,
    count_capped: false,
    offset: metadata?.skip ?? 0,
    limit: metadata?.take ?? data.length,
  })
}
