import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * How the one-activity-per-variant refusal names variants: "product title ·
 * variant title", by variant id. Every save of a flash sale or group buy
 * passes these to the service, which checks the rule in its transaction.
 */
export async function activityVariantLabels(container: MedusaContainer, variantIds: string[]): Promise<Record<string, string>> {
  const ids = [...new Set(variantIds)]
  if (!ids.length) {
    return {}
  }
  const { data } = await container
    .resolve(ContainerRegistrationKeys.QUERY)
    .graph({ entity: "variant", fields: ["id", "title", "product.title"], filters: { id: ids } })
  return Object.fromEntries(
    (data as { id: string; title?: string | null; product?: { title?: string | null } | null }[]).map((v) => [
      v.id,
      [v.product?.title, v.title].filter(Boolean).join(" · ") || v.id,
    ])
  )
}
