import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * GET handler of an admin list route: the validated fields, filters and paging
 * (set by validateAndTransformQuery) through Query, in Medusa's list shape.
 */
export const listHandler =
  (entity: string, key: string) => async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data, metadata } = await query.graph({
      entity,
      ...req.queryConfig,
      filters: req.filterableFields,
    })
    res.json({
      [key]: data,
      count: metadata?.count ?? data.length,
      offset: metadata?.skip ?? 0,
      limit: metadata?.take ?? data.length,
    })
  }
