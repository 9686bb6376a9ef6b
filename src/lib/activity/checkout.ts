import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules, QueryContext } from "@medusajs/framework/utils"
import { createCartWorkflow } from "@medusajs/medusa/core-flows"
import { DISTRIBUTION_MODULE } from "../../modules/distribution"
import { ActivityKind, DistributionEvents } from "../../modules/distribution/constants"
import DistributionModuleService from "../../modules/distribution/service"
import { ReservationRow } from "../../modules/distribution/queries/activity-reservations"
import { ACTIVITY_METADATA_KEY, ActivityMark, activityKind } from "./index"

export type ActivityCheckoutInput = {
  kind: ActivityKind
  activity_id: string
  customer_id: string
  variant_id: string
  quantity: number
  region_id?: string
  sales_channel_id?: string
  /** The referral code the storefront carries: it goes on the cart as on any cart, so the order is credited as usual. */
  referral_code?: string
  options?: Record<string, unknown>
}

/** A reservation as events and the API carry it. */
export function reservationEventData(r: ReservationRow) {
  return {
    id: r.id,
    activity_kind: r.activity_kind,
    activity_id: r.activity_id,
    variant_id: r.variant_id,
    customer_id: r.customer_id,
    quantity: r.quantity,
    status: r.status,
    expires_at: new Date(r.expires_at).toISOString(),
    cart_id: r.cart_id,
    order_id: r.order_id,
  }
}

export async function emitReservationEvents(container: MedusaContainer, name: string, rows: ReservationRow[]) {
  if (rows.length) {
    await container.resolve(Modules.EVENT_BUS).emit(rows.map((r) => ({ name, data: reservationEventData(r) })))
  }
}

/**
 * Activity checkout, shared by every kind: the kind validates the activity
 * and the buyer's request and names the price; the buyer's limit is counted
 * and the quota reserved in one transaction (refused: nothing held); then a
 * one-item Medusa cart is made by createCartWorkflow at the activity's price
 * (compare-at: the regular price; not discountable unless the activity
 * allows coupons), marked with the activity. A cart that cannot be made
 * gives the reservation back. The storefront then runs Medusa's checkout.
 */
export async function checkoutActivity(container: MedusaContainer, input: ActivityCheckoutInput) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
  const now = new Date()

  const region = await checkoutRegion(container, input.region_id)
  const handler = activityKind(input.kind)
  const terms = await handler.checkoutTerms(container, {
    activity_id: input.activity_id,
    variant_id: input.variant_id,
    quantity: input.quantity,
    currency_code: region.currency_code,
    customer_id: input.customer_id,
    now,
    options: input.options,
  })
  const [{ data: [customer] }, { data: [variant] }] = await Promise.all([
    query.graph({ entity: "customer", fields: ["id", "email"], filters: { id: input.customer_id } }),
    query.graph({
      entity: "variant",
      fields: ["id", "calculated_price.calculated_amount", "calculated_price.original_amount"],
      filters: { id: input.variant_id },
      context: { calculated_price: QueryContext({ region_id: region.id, currency_code: region.currency_code }) },
    }),
  ])
  if (!customer) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer ${input.customer_id} was not found`)
  }
  const calculated = (variant as { calculated_price?: { calculated_amount?: number | null; original_amount?: number | null } } | undefined)
    ?.calculated_price
  const regular = calculated?.original_amount ?? calculated?.calculated_amount ?? null

  const reservation = await service.reserveActivity({
    kind: input.kind,
    activity_id: input.activity_id,
    activity_name: terms.name,
    variant_id: input.variant_id,
    customer_id: input.customer_id,
    quantity: input.quantity,
    per_customer_limit: terms.per_customer_limit,
    expires_at: terms.expires_at,
    seat: terms.seat,
  })
  const mark: ActivityMark = {
    ...(terms.metadata ?? {}),
    kind: input.kind,
    id: input.activity_id,
    reservation_id: reservation.id,
    expires_at: new Date(reservation.expires_at).toISOString(),
    allow_coupons: terms.allow_coupons,
  }
  let cartId: string
  try {
    const { result: cart } = await createCartWorkflow(container).run({
      input: {
        region_id: region.id,
        customer_id: customer.id,
        email: customer.email ?? undefined,
        sales_channel_id: input.sales_channel_id,
        metadata: {
          [ACTIVITY_METADATA_KEY]: mark,
          ...(input.referral_code ? { referral_code: input.referral_code } : {}),
        },
        items: [
          {
            variant_id: input.variant_id,
            quantity: input.quantity,
            unit_price: terms.unit_price,
            ...(regular !== null ? { compare_at_unit_price: regular } : {}),
            is_discountable: terms.allow_coupons,
            metadata: { [ACTIVITY_METADATA_KEY]: mark },
          },
        ],
      },
    })
    cartId = cart.id
  } catch (error) {
    const released = await service.releaseActivityReservation({ id: reservation.id, now: new Date(), reason: "checkout_failed" })
    if (released) {
      await handler.onReleased?.(container, released)
      await emitReservationEvents(container, DistributionEvents.RESERVATION_RELEASED, [released])
    }
    throw error
  }
  await service.attachReservationCart({ id: reservation.id, cart_id: cartId })
  const held = { ...reservation, cart_id: cartId }
  await emitReservationEvents(container, DistributionEvents.RESERVATION_RESERVED, [held])
  return { cart_id: cartId, reservation: held, unit_price: terms.unit_price, currency_code: region.currency_code }
}

/** The region of a checkout: the one asked for, else the store's default region, else the oldest region of its default currency. */
async function checkoutRegion(container: MedusaContainer, regionId?: string) {
  const regions = container.resolve(Modules.REGION)
  if (regionId) {
    const [region] = await regions.listRegions({ id: regionId }, { select: ["id", "currency_code"] })
    if (!region) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Region ${regionId} was not found`)
    }
    return region
  }
  const [store] = await container.resolve(Modules.STORE).listStores({}, { relations: ["supported_currencies"] })
  const currency = store?.supported_currencies?.find((c) => c.is_default)?.currency_code
  const filters = store?.default_region_id ? { id: store.default_region_id } : currency ? { currency_code: currency } : null
  const [region] = filters ? await regions.listRegions(filters, { select: ["id", "currency_code"], order: { created_at: "ASC" }, take: 1 }) : []
  if (!region) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "The store has no default region: pass region_id")
  }
  return region
}
