import { MedusaError } from "@medusajs/framework/utils"
import { BindingMode, DistributorStatus } from "../constants"
import { Refusal } from "./refusal"
import { isWithinSubtree } from "./tree-path"

export type ExistingBinding = {
  distributor_id: string
  expires_at: Date | null
}

export type BindingDecision =
  | { action: "create" | "replace"; expires_at: Date | null }
  | { action: "keep"; reason: "same_distributor" | "first_touch" }

const DAY_MS = 24 * 60 * 60 * 1000

export function bindingExpiry(now: Date, bindingDays: number): Date | null {
  return bindingDays > 0 ? new Date(now.getTime() + bindingDays * DAY_MS) : null
}

export function isBindingValid(binding: ExistingBinding, now: Date): boolean {
  return binding.expires_at === null || binding.expires_at.getTime() > now.getTime()
}

/**
 * Whether a buyer's binding is created, replaced or kept when it arrives through
 * `distributorId`: a valid binding stays under first touch and moves under last
 * touch; an expired one is always replaced. Re-touching the same distributor
 * renews nothing, so a binding's window cannot be stretched by reloading a link.
 * `force` (an admin's binding) replaces a valid binding whatever the mode,
 * with no expiry.
 */
export function decideBinding(input: {
  existing: ExistingBinding | null
  distributor_id: string
  mode: BindingMode
  binding_days: number
  now: Date
  force?: boolean
}): BindingDecision {
  const { existing, now } = input
  const expires_at = bindingExpiry(now, input.binding_days)
  if (!existing) {
    return { action: "create", expires_at }
  }
  if (!isBindingValid(existing, now)) {
    return { action: "replace", expires_at }
  }
  if (existing.distributor_id === input.distributor_id) {
    return { action: "keep", reason: "same_distributor" }
  }
  if (input.mode === BindingMode.FIRST_TOUCH) {
    return input.force ? { action: "replace", expires_at: null } : { action: "keep", reason: "first_touch" }
  }
  return { action: "replace", expires_at }
}

/**
 * Whether a customer may be bound to `target`, or why not: only to an active
 * distributor, never to the customer's own distributor row, never to one of
 * its own team (the binding would pay a distributor's upline from below).
 */
export function bindingRefusal(
  target: { id: string; path: string; status: DistributorStatus } | null | undefined,
  own: { id: string; path: string } | null | undefined
): Refusal | null {
  if (!target || target.status !== DistributorStatus.ACTIVE) {
    return { type: MedusaError.Types.NOT_FOUND, message: "No active distributor has that referral code" }
  }
  if (own && isWithinSubtree(target.path, own.path)) {
    return {
      type: MedusaError.Types.NOT_ALLOWED,
      message:
        own.id === target.id
          ? "A distributor cannot be bound to itself"
          : "A distributor cannot be bound to a member of its own team",
    }
  }
  return null
}
