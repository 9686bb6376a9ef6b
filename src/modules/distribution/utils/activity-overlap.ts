import { MedusaError } from "@medusajs/framework/utils"
import { ActivityKind } from "../constants"
import { Refusal } from "./refusal"

/**
 * One activity per variant, pure: a variant is in at most one flash sale (秒杀)
 * or group buy (拼团) at a time among those not closed or ended, as yudao keeps
 * one enabled activity per product. Activity checkout prices its one-item cart
 * itself, so two activities over one variant would sell it at two prices with
 * two quotas, and an order line's activity would be a guess. (A 限时折扣 sale is
 * a price list: activity carts carry their own price and take no sale price,
 * as yudao applies discounts to normal orders only, so a sale may run beside
 * an activity; sales keep their own no-overlap rule, utils/sale.ts.)
 */

export type ActivityOverlap = {
  kind: ActivityKind
  activity_id: string
  name: string
  variant_id: string
  starts_at: Date | string
  ends_at: Date | string
}

const KIND_NAME: Record<ActivityKind, string> = { flash_sale: "flash sale", group_buy: "group buy" }

/**
 * The refusal of an activity whose variants another activity holds during its
 * window, naming each variant by `labels` (product title and variant title)
 * and the other activity; null when there is none.
 */
export function activityOverlapRefusal(overlaps: ActivityOverlap[], labels: Record<string, string>): Refusal | null {
  if (!overlaps.length) {
    return null
  }
  const byActivity = new Map<string, ActivityOverlap[]>()
  for (const o of overlaps) {
    const key = `${o.kind}:${o.activity_id}`
    byActivity.set(key, [...(byActivity.get(key) ?? []), o])
  }
  const parts = [...byActivity.values()].map((rows) => {
    const { kind, activity_id, name, starts_at, ends_at } = rows[0]
    const variants = [...new Set(rows.map((r) => r.variant_id))].map((id) => `"${labels[id] ?? id}"`).sort()
    return `${variants.join(", ")} ${variants.length > 1 ? "are" : "is"} already in the ${KIND_NAME[kind]} "${name}" (${activity_id}, ${new Date(starts_at).toISOString()} to ${new Date(ends_at).toISOString()})`
  })
  return {
    type: MedusaError.Types.CONFLICT,
    message: `A variant can be in one flash sale or group buy at a time: ${parts.join("; ")}. Choose other dates or variants, or close that activity first`,
  }
}
