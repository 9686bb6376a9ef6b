import { DistributorStatus, MAX_COMMISSION_DEPTH } from "../constants"

/**
 * Who earns from an order. Level one: the buyer itself when self-purchase is on
 * and it is an active distributor, else the buyer's valid binding, else the
 * cart's referral code. Then the upline, positionally: a suspended distributor
 * keeps its depth but earns nothing; nobody is skipped, nobody earns twice, and
 * never more than three levels whatever is configured.
 */
type Node = { id: string; status: DistributorStatus }

export type AttributionSource = "self" | "binding" | "cart_code"

export function levelOneBeneficiary(input: {
  buyer_distributor: Node | null
  self_purchase: boolean
  binding_distributor_id: string | null
  cart_code_distributor_id: string | null
}): { distributor_id: string; source: AttributionSource } | null {
  const buyer = input.buyer_distributor
  if (input.self_purchase && buyer?.status === DistributorStatus.ACTIVE) {
    return { distributor_id: buyer.id, source: "self" }
  }
  for (const [id, source] of [
    [input.binding_distributor_id, "binding"],
    [input.cart_code_distributor_id, "cart_code"],
  ] as const) {
    if (id && id !== buyer?.id) {
      return { distributor_id: id, source }
    }
  }
  return null
}

export function beneficiaries(input: {
  chain: Node[]
  max_depth: number
  buyer_distributor_id: string | null
  self_purchase: boolean
}): { distributor_id: string; depth: number }[] {
  const depth = Math.min(Math.max(input.max_depth, 0), MAX_COMMISSION_DEPTH)
  const seen = new Set<string>()
  return input.chain.slice(0, depth).flatMap((node, i) => {
    const isBuyer = node.id === input.buyer_distributor_id
    if (node.status !== DistributorStatus.ACTIVE || seen.has(node.id) || (isBuyer && !input.self_purchase) || (isBuyer && i > 0)) {
      return []
    }
    seen.add(node.id)
    return [{ distributor_id: node.id, depth: i + 1 }]
  })
}
