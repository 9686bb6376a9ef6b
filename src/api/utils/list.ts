import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

type ListOptions = {
  /** Shapes the page before it leaves (e.g. formats its amounts, adds what links name). */
  present?: (container: MedusaContainer, rows: Record<string, unknown>[]) => Promise<unknown[]> | unknown[]
  /** Columns the presenter needs whatever `fields` asks for (the currency of an amount). */
  select?: string[]
}

/**
 * GET handler of an admin list route: the validated fields, filters and paging
 * (set by validateAndTransformQuery) through Query, in Medusa's list shape.
 */
export const listHandler =
  (entity: string, key: string, options: ListOptions = {}) =>
  async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data, metadata } = await query.graph({
      entity,
      ...req.queryConfig,
      fields: [...new Set([...req.queryConfig.fields, ...(options.select ?? [])])],
      filters: req.filterableFields,
    })
    res.json({
      [key]: options.present ? await options.present(req.scope, data) : data,
      count: metadata?.count ?? data.length,
      offset: metadata?.skip ?? 0,
      limit: metadata?.take ?? data.length,
    })
  }
