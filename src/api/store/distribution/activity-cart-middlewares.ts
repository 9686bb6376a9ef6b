import { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import { ReservationStatus } from "../../../modules/distribution/constants"
import DistributionModuleService from "../../../modules/distribution/service"
import { activityMark } from "../../../lib/activity"
import { authenticateCustomer } from "../../utils/authenticate"
import { asHttpError } from "../../utils/workflow"
import { validateBody, validateQuery } from "../../utils/lazy-validation"

const flashSalesValidators = () => require("./flash-sales/validators") as typeof import("./flash-sales/validators")
const activityReservationsValidators = () => require("./activity-reservations/validators") as typeof import("./activity-reservations/validators")

/**
 * Activity checkout on Medusa's own cart routes. An activity cart (made by
 * /store/distribution/{flash-sales,group-buys}/:id/checkout) holds one line
 * at the activity's price for a reservation: its lines and region cannot
 * change (400), nor its codes unless the activity allows coupons (400), and it completes
 * only while its reservation holds (409 once expired or released).
 */

async function activityOfCart(req: MedusaRequest) {
  // A cart is an activity cart only when activity checkout made it, and then its
  // reservation names it: one indexed read of the plugin's own table leaves every
  // other cart (nearly all of them) alone, where reading the cart through Query
  // cost each cart call a few milliseconds. (Checkout names the cart right after
  // making it, before the buyer learns its id.)
  const service: DistributionModuleService = req.scope.resolve(DISTRIBUTION_MODULE)
  if (!(await service.retrieveActivityReservationOfCart(req.params.id))) {
    return null
  }
  const { data: [cart] } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "cart",
    fields: ["id", "metadata", "completed_at"],
    filters: { id: req.params.id },
  })
  return cart ? { cart, mark: activityMark(cart.metadata) } : null
}

const guard =
  (check: (req: MedusaRequest, found: NonNullable<Awaited<ReturnType<typeof activityOfCart>>>) => Promise<Error | null> | Error | null) =>
  async (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    try {
      const found = await activityOfCart(req)
      if (!found?.mark) {
        return next()
      }
      const refusal = await check(req, found)
      return next(refusal ?? undefined)
    } catch (error) {
      return next(error)
    }
  }

const label = (kind: string) => (kind === "group_buy" ? "group buy" : kind === "flash_sale" ? "flash sale" : kind.replace(/_/g, " "))

export const refuseActivityLineChanges = guard(
  (_req, { mark }) =>
    new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `This cart holds a ${label(mark!.kind)} item and its lines cannot change: start another checkout for a different item or quantity`
    )
)

export const refuseActivityCodes = guard((req, { mark }) => {
  const body = (req.body ?? {}) as Record<string, unknown>
  // The line's price is the activity's in the cart's currency: another region would keep the amount in another currency.
  if (typeof body.region_id === "string" && !(req.originalUrl ?? req.url).split("?")[0].endsWith("/promotions")) {
    return new MedusaError(MedusaError.Types.INVALID_DATA, `This cart holds a ${label(mark!.kind)} item priced in its region's currency: its region cannot change`)
  }
  const changesCodes = (req.originalUrl ?? req.url).split("?")[0].endsWith("/promotions") || "promo_codes" in body
  if (!changesCodes || mark!.allow_coupons) {
    return null
  }
  return new MedusaError(MedusaError.Types.INVALID_DATA, `This cart holds a ${label(mark!.kind)} item: coupons and promotion codes do not apply to it`)
})

/**
 * How long a cart being completed keeps its reservation beyond the moment it
 * asked: the order is placed well within it, and a release run meanwhile
 * leaves the reservation alone. A completion that fails (a declined payment)
 * leaves the buyer that much longer to try again.
 */
export const COMPLETION_HOLD_MS = 2 * 60_000

export const refuseExpiredActivityCart = guard(async (req, { cart, mark }) => {
  if (cart.completed_at) {
    return null
  }
  const service: DistributionModuleService = req.scope.resolve(DISTRIBUTION_MODULE)
  const now = new Date()
  // Held in one statement while still reserved: between this check and the order, no release run can take it.
  const held = await service.holdActivityReservationForCompletion({
    id: mark!.reservation_id,
    now,
    until: new Date(now.getTime() + COMPLETION_HOLD_MS),
  })
  if (held) {
    return null
  }
  const reservation = await service.retrieveActivityReservation(mark!.reservation_id)
  if (reservation?.status === ReservationStatus.CONSUMED) {
    // Its order is placed already: Medusa answers a completed cart with that order.
    return null
  }
  return asHttpError(
    new MedusaError(
      MedusaError.Types.CONFLICT,
      `The ${label(mark!.kind)} reservation of this cart expired${reservation ? ` at ${new Date(reservation.expires_at).toISOString()}` : ""}: check out the ${label(mark!.kind)} again`
    )
  ) as Error
})

export const activityCartMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/distribution/activity-reservations",
    method: "GET",
    middlewares: [authenticateCustomer, validateQuery(() => activityReservationsValidators().StoreListActivityReservations, {})],
  },
  { matcher: "/store/distribution/flash-sales", method: "GET", middlewares: [validateQuery(() => flashSalesValidators().StoreListFlashSales, {})] },
  {
    matcher: "/store/distribution/flash-sales/:id/checkout",
    method: "POST",
    middlewares: [authenticateCustomer, validateBody(() => flashSalesValidators().StoreCheckoutFlashSale)],
  },
  { matcher: "/store/carts/:id/line-items*", methods: ["POST", "DELETE"], middlewares: [refuseActivityLineChanges] },
  { matcher: "/store/carts/:id/promotions", methods: ["POST", "DELETE"], middlewares: [refuseActivityCodes] },
  { matcher: "/store/carts/:id", method: "POST", middlewares: [refuseActivityCodes] },
  { matcher: "/store/carts/:id/complete", method: "POST", middlewares: [refuseExpiredActivityCart] },
]
