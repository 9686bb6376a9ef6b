import { DistributorStatus, MAX_COMMISSION_DEPTH } from "../constants"

/**
 * Who earns from an order. Level one: the buyer itself when self-purchase is on
 * and it is an active distributor, else the buyer's valid binding, else the
 * distributor coupon the order used, else the cart's referral code — the coupon
 * before the binding when the programme says a code beats a binding. A buyer's
 * own binding, coupon or code never attributes to itself (self-purchase rules). Then the upline, positionally: a suspended distributor
 * keeps its depth but earns nothing; nobody is skipped, nobody earns twice, and
 * never more than three levels whatever is configured.
 */
type Node = { id: string; status: DistributorStatus }

export type AttributionSource = "self" | "binding" | "coupon" | "cart_code"

export function levelOneBeneficiary(input: {
  buyer_distributor: Node | null
  self_purchase: boolean
  binding_distributor_id: string | null
  cart_code_distributor_id: string | null
  /** The owner of the distributor coupon the order used, when it is active. */
  coupon_distributor_id?: string | null
  /** True: the coupon beats the binding (coupon_attribution coupon_first). */
  coupon_first?: boolean
}): { distributor_id: string; source: AttributionSource } | null {
  const buyer = input.buyer_distributor
  if (input.self_purchase && buyer?.status === DistributorStatus.ACTIVE) {
    return { distributor_id: buyer.id, source: "self" }
  }
  const binding = [input.binding_distributor_id, "binding"] as const
  const coupon = [input.coupon_distributor_id ?? null, "coupon"] as const
  for (const [id, source] of [
    ...(input.coupon_first ? [coupon, binding] : [binding, coupon]),
    [input.cart_code_distributor_id, "cart_code"] as const,
  ]) {
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
