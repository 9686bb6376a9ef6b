import { ApplicationMode, DistributorStatus } from "../constants"
import { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"

export type ApplicationFacts = {
  mode: ApplicationMode
  /** Orders the applicant has placed that were not canceled. */
  order_count: number
  /** Sum of those orders' totals, in the programme currency. */
  total_spent: BigNumberInput
  min_spend: BigNumberInput
  /** True when the applicant has an active inviter (binding or code). */
  invited: boolean
}

export type ApplicationDecision =
  | { allowed: true; status: DistributorStatus }
  | { allowed: false; reason: string }

/** What an application leads to under the programme's application mode. */
export function decideApplication(facts: ApplicationFacts): ApplicationDecision {
  switch (facts.mode) {
    case ApplicationMode.AUTO:
      return { allowed: true, status: DistributorStatus.ACTIVE }
    case ApplicationMode.REVIEW:
      return { allowed: true, status: DistributorStatus.PENDING }
    case ApplicationMode.AFTER_FIRST_ORDER:
      return facts.order_count > 0
        ? { allowed: true, status: DistributorStatus.ACTIVE }
        : {
            allowed: false,
            reason:
              "The programme is open to customers who have placed an order. Place your first order, then apply again.",
          }
    case ApplicationMode.MIN_SPEND: {
      if (MathBN.gte(facts.total_spent, facts.min_spend)) {
        return { allowed: true, status: DistributorStatus.ACTIVE }
      }
      const missing = MathBN.sub(facts.min_spend, facts.total_spent)
      return {
        allowed: false,
        reason: `The programme is open to customers who have spent at least ${MathBN.convert(
          facts.min_spend
        ).toString()}; ${MathBN.convert(missing).toString()} to go.`,
      }
    }
    case ApplicationMode.INVITE_ONLY:
      return facts.invited
        ? { allowed: true, status: DistributorStatus.ACTIVE }
        : {
            allowed: false,
            reason:
              "The programme is by invitation: apply through a distributor's link or with a referral code.",
          }
  }
}
