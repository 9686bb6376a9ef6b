import { BindingMode } from "../constants"

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
 */
export function decideBinding(input: {
  existing: ExistingBinding | null
  distributor_id: string
  mode: BindingMode
  binding_days: number
  now: Date
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
    return { action: "keep", reason: "first_touch" }
  }
  return { action: "replace", expires_at }
}
