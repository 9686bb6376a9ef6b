import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { GroupBuyPhase, GroupBuyStatus, GroupStatus } from "../constants"
import { fitsCurrency, roundDown, tooPreciseMessage } from "./money"
import { Refusal } from "./refusal"

/**
 * The rules of 拼团, pure: what an activity may be, a group's deadline, what an
 * expired group becomes, who may check out how much, and the leader bonus.
 */

export type GroupPrice = { variant_id: string; currency_code: string; amount: string }

/** What a 拼团 checkout asks of its seat: the group to join (none: a new one), and the activity's terms it is held to. */
export type GroupSeatRequest = {
  group_id?: string | null
  overflow: string
  size: number
  currency_code: string
  unit_price: string
}

export type GroupBuyShape = {
  starts_at: Date
  ends_at: Date
  group_size: number
  time_limit_minutes: number
  per_order_limit: number | null
  per_customer_limit: number | null
  virtual_threshold: number | null
  prices: GroupPrice[]
}

/** Where an activity is at `now`: closed by the admin, else scheduled, live or ended by its window. */
export function groupBuyPhase(activity: { status: string; starts_at: Date | string; ends_at: Date | string }, now: Date): GroupBuyPhase {
  if (activity.status === GroupBuyStatus.CLOSED) {
    return GroupBuyPhase.CLOSED
  }
  if (now.getTime() < new Date(activity.starts_at).getTime()) {
    return GroupBuyPhase.SCHEDULED
  }
  return now.getTime() < new Date(activity.ends_at).getTime() ? GroupBuyPhase.LIVE : GroupBuyPhase.ENDED
}

/** Why an activity's settings cannot be: a window that ends before it starts, a threshold above the size, a price that is no price. */
export function groupBuyRefusal(input: GroupBuyShape): Refusal | null {
  const invalid = (message: string): Refusal => ({ type: MedusaError.Types.INVALID_DATA, message })
  if (input.ends_at.getTime() <= input.starts_at.getTime()) {
    return invalid(`ends_at (${input.ends_at.toISOString()}) must be after starts_at (${input.starts_at.toISOString()})`)
  }
  if (input.virtual_threshold !== null && input.virtual_threshold >= input.group_size) {
    return invalid(`virtual_threshold (${input.virtual_threshold}) must be below group_size (${input.group_size}): a full group succeeds anyway`)
  }
  if (input.per_order_limit !== null && input.per_customer_limit !== null && input.per_order_limit > input.per_customer_limit) {
    return invalid(`per_order_limit (${input.per_order_limit}) cannot exceed per_customer_limit (${input.per_customer_limit})`)
  }
  const seen = new Set<string>()
  for (const price of input.prices) {
    const key = `${price.variant_id}|${price.currency_code}`
    if (seen.has(key)) {
      return invalid(`The variant ${price.variant_id} has two ${price.currency_code.toUpperCase()} prices`)
    }
    seen.add(key)
    if (!MathBN.gt(price.amount, 0)) {
      return invalid(`The group price of ${price.variant_id} in ${price.currency_code.toUpperCase()} must be above 0`)
    }
    if (!fitsCurrency(price.amount, price.currency_code)) {
      return invalid(tooPreciseMessage("The group price", price.amount, price.currency_code))
    }
  }
  return null
}

/** A group opened at `openedAt` expires after the time limit, never after its activity ends. */
export function groupDeadline(openedAt: Date, timeLimitMinutes: number, activityEndsAt: Date): Date {
  return new Date(Math.min(openedAt.getTime() + timeLimitMinutes * 60_000, activityEndsAt.getTime()))
}

/** What an open group becomes when its time is up: virtually complete when enough really paid, else failed. */
export function expiryOutcome(group: { paid: number }, virtualThreshold: number | null): typeof GroupStatus.SUCCEEDED | typeof GroupStatus.FAILED {
  return virtualThreshold !== null && group.paid >= virtualThreshold ? GroupStatus.SUCCEEDED : GroupStatus.FAILED
}

/** Why a buyer cannot check out `quantity` units now: the activity closed or out of its window, the per-order or per-customer limit. */
export function checkoutRefusal(
  activity: { name: string; status: string; starts_at: Date | string; ends_at: Date | string; per_order_limit: number | null; per_customer_limit: number | null },
  input: { quantity: number; units_held: number; now: Date }
): Refusal | null {
  const notAllowed = (message: string): Refusal => ({ type: MedusaError.Types.NOT_ALLOWED, message })
  if (activity.status !== "active") {
    return notAllowed(`The group buy "${activity.name}" is closed`)
  }
  if (new Date(activity.starts_at).getTime() > input.now.getTime()) {
    return notAllowed(`The group buy "${activity.name}" starts at ${new Date(activity.starts_at).toISOString()}`)
  }
  if (new Date(activity.ends_at).getTime() <= input.now.getTime()) {
    return notAllowed(`The group buy "${activity.name}" ended at ${new Date(activity.ends_at).toISOString()}`)
  }
  if (activity.per_order_limit !== null && input.quantity > activity.per_order_limit) {
    return notAllowed(`At most ${activity.per_order_limit} per order in the group buy "${activity.name}"`)
  }
  if (activity.per_customer_limit !== null && input.units_held + input.quantity > activity.per_customer_limit) {
    return notAllowed(
      `At most ${activity.per_customer_limit} per customer in the group buy "${activity.name}"; you already hold ${input.units_held}`
    )
  }
  return null
}

/** The leader bonus: bps of the leader's own line (group price × quantity), rounded down to the currency's minor unit. */
export function leaderBonus(line: { unit_price: string; quantity: number; currency_code: string }, bps: number): string {
  return roundDown(MathBN.div(MathBN.mult(MathBN.mult(line.unit_price, line.quantity), bps), 10000), line.currency_code)
}
