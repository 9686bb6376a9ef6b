import { MedusaContainer } from "@medusajs/framework/types"
import { ActivityKind } from "../../modules/distribution/constants"
import { ReservationRow } from "../../modules/distribution/queries/activity-reservations"
import { SalePolicyInput } from "../../modules/distribution/utils/sale"
import { GroupSeatRequest } from "../../modules/distribution/utils/group-buy"

/**
 * Activity checkout's registry: what each kind of activity (秒杀 flash sale,
 * 拼团 group buy) tells the shared machinery. Checkout, the cart guards, the
 * order subscribers, the release job and the commission credit ask the kind
 * of the activity a cart or order line names, never the activity's tables.
 */

/** What a buyer's checkout of an activity is held to, once the activity accepted it. */
export type ActivityTerms = {
  name: string
  /** The activity's price of one item in the checkout's currency (a decimal string in the major unit). */
  unit_price: string
  per_customer_limit: number | null
  allow_coupons: boolean
  expires_at: Date
  /** Extra fields the kind keeps in the cart's and order's `distribution_activity` metadata. */
  metadata?: Record<string, unknown>
  /** A 拼团 seat, taken with the reservation in its transaction (the group to join, the group's terms). */
  seat?: GroupSeatRequest
}

export type ActivityCheckoutRequest = {
  activity_id: string
  variant_id: string
  quantity: number
  currency_code: string
  customer_id: string
  now: Date
  /** Kind-specific input of the checkout (a group buy's group to join). */
  options?: Record<string, unknown>
}

export type ActivityKindHandler = {
  kind: ActivityKind
  /** Loads and validates the activity for this checkout: 404 unknown, 400 bad request, 409 not selling now. */
  checkoutTerms(container: MedusaContainer, request: ActivityCheckoutRequest): Promise<ActivityTerms>
  /** The commission policy of each activity (the 限时折扣 sale's rule: normal, own rates, excluded). */
  commissionPolicies(container: MedusaContainer, activityIds: string[]): Promise<Map<string, SalePolicyInput>>
  /** After a reservation was consumed by an order (its quota already moved); called again on a replay, so idempotent. */
  onConsumed?(container: MedusaContainer, reservation: ReservationRow): Promise<void>
  /** After a reservation was released (expired, checkout failed, order canceled). */
  onReleased?(container: MedusaContainer, reservation: ReservationRow): Promise<void>
}

const HANDLERS = new Map<ActivityKind, ActivityKindHandler>()

export function registerActivityKind(handler: ActivityKindHandler) {
  HANDLERS.set(handler.kind, handler)
}

export function activityKind(kind: ActivityKind): ActivityKindHandler {
  const handler = HANDLERS.get(kind)
  if (!handler) {
    throw new Error(`No activity kind "${kind}" is registered`)
  }
  return handler
}

/** What an activity cart's (and its order's) metadata says under `distribution_activity`. */
export type ActivityMark = {
  kind: ActivityKind
  id: string
  reservation_id: string
  expires_at: string
  allow_coupons: boolean
  [key: string]: unknown
}

export const ACTIVITY_METADATA_KEY = "distribution_activity"

/** The activity a cart, order or line's metadata names, or null. */
export function activityMark(metadata: unknown): ActivityMark | null {
  const mark = (metadata as Record<string, unknown> | null | undefined)?.[ACTIVITY_METADATA_KEY] as ActivityMark | undefined
  return mark && typeof mark === "object" && typeof mark.reservation_id === "string" && typeof mark.kind === "string" ? mark : null
}
