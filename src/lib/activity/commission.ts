import { MedusaContainer } from "@medusajs/framework/types"
import { ActivityKind } from "../../modules/distribution/constants"
import { SalePolicyInput } from "../../modules/distribution/utils/sale"
import { activityKind, activityMark } from "./index"

/**
 * The commission policy of each order line bought through activity checkout
 * (秒杀, 拼团), by line id: the activity's own (normal on the price paid, its
 * own rates, or excluded), the very policy 限时折扣 sales have, applied by the
 * same rule (salePolicy) in the credit.
 */
export async function activityPoliciesOfLines(
  container: MedusaContainer,
  items: { id: string; metadata?: unknown }[]
): Promise<Map<string, SalePolicyInput>> {
  const marked = items.map((i) => ({ id: i.id, mark: activityMark(i.metadata) })).filter((i) => i.mark)
  const byKind = new Map<ActivityKind, Set<string>>()
  for (const { mark } of marked) {
    byKind.set(mark!.kind, (byKind.get(mark!.kind) ?? new Set()).add(mark!.id))
  }
  const policies = new Map<string, SalePolicyInput>()
  for (const [kind, ids] of byKind) {
    for (const [id, policy] of await activityKind(kind).commissionPolicies(container, [...ids])) {
      policies.set(`${kind}:${id}`, policy)
    }
  }
  const result = new Map<string, SalePolicyInput>()
  for (const { id, mark } of marked) {
    const policy = policies.get(`${mark!.kind}:${mark!.id}`)
    if (policy) result.set(id, policy)
  }
  return result
}
