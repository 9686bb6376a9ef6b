import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { RULE_TARGET_TYPES, RuleTargetType } from "../../../../modules/distribution/constants"
import { programmeCurrency } from "../../../utils/container"
import { presentCommissionRule } from "../../../utils/present"

/**
 * A commission rule as an admin reads it: with `target: { id, type, title }`,
 * the title read through the read-only links to the product module (a variant
 * is named with its product). A target deleted since has a null title.
 *
 * One Query call per target type: the four links share target_id, and Query
 * (Medusa 2.21) asked for several of them at once fills one link with another's
 * records.
 */
const TITLE_FIELDS: Record<RuleTargetType, string[]> = {
  product: ["product.title"],
  variant: ["variant.title", "variant.product.title"],
  category: ["category.name"],
  collection: ["collection.title"],
}

type Linked = {
  id: string
  product?: { title: string } | null
  variant?: { title: string; product?: { title: string } | null } | null
  category?: { name: string } | null
  collection?: { title: string } | null
}

const titleOf = ({ product, variant, category, collection }: Linked) =>
  product?.title ??
  (variant ? [variant.product?.title, variant.title].filter(Boolean).join(" · ") : null) ??
  category?.name ??
  collection?.title ??
  null

type Rule = { id: string; target_type: RuleTargetType; target_id: string }

/**
 * The rules (any `fields` the request chose, and their currency) each with its
 * target and its amounts formatted; a few queries per page, whatever its size.
 */
export async function withTargets(container: MedusaContainer, rules: Record<string, unknown>[]) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const ids = rules.map((r) => r.id as string)
  const { data } = ids.length
    ? await query.graph({ entity: "commission_rule", fields: ["id", "target_type", "target_id"], filters: { id: ids } })
    : { data: [] }
  const keys = new Map((data as Rule[]).map((r) => [r.id, r]))
  const currency = await programmeCurrency(container)
  const titles = new Map<string, string | null>()
  await Promise.all(
    RULE_TARGET_TYPES.map(async (type) => {
      const ofType = ids.filter((id) => keys.get(id)?.target_type === type)
      if (!ofType.length) {
        return
      }
      const { data: linked } = await query.graph({
        entity: "commission_rule",
        fields: ["id", ...TITLE_FIELDS[type]],
        filters: { id: ofType },
      })
      for (const row of linked as Linked[]) {
        titles.set(row.id, titleOf(row))
      }
    })
  )
  return rules.map((r) => {
    const key = keys.get(r.id as string)
    return {
      ...presentCommissionRule(r as { currency_code?: string | null }, currency),
      target: { id: key?.target_id ?? null, type: key?.target_type ?? null, title: titles.get(r.id as string) ?? null },
    }
  })
}

/** One rule with its target, or a 404. */
export async function retrieveRule(container: MedusaContainer, id: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "commission_rule", fields: ["*"], filters: { id } })
  if (!data[0]) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Commission rule with id: ${id} was not found`)
  }
  const [rule] = await withTargets(container, data)
  return rule
}
