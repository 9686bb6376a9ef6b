import { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { GroupMemberStatus } from "../../../../modules/distribution/constants"
import { distributionService } from "../../../utils/container"
import { asHttpError } from "../../../utils/workflow"

const seatOfCart = async (req: MedusaRequest) => {
  const [member] = await distributionService(req).listDistributionGroupMembers({ cart_id: req.params.id })
  return member ?? null
}

/**
 * Medusa's cart routes on a 拼团 cart: its one line and its price are the
 * group's, so its lines and promotion codes cannot change (400).
 */
export async function refuseGroupCartChanges(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const body = (req.body ?? {}) as Record<string, unknown>
    const touchesCodes = req.path.endsWith("/promotions") || "promo_codes" in body
    const touchesLines = /\/line-items(\/|$)/.test(req.path)
    if ((touchesCodes || touchesLines) && (await seatOfCart(req))) {
      return next(
        new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `This cart is a group buy checkout: its ${touchesLines ? "items" : "promotion codes"} cannot change. Start a new checkout to buy something else`
        )
      )
    }
    return next()
  } catch (error) {
    return next(error)
  }
}

/** Completing a 拼团 cart whose seat was released (its reservation lapsed, or its group closed) is refused with a 409. */
export async function refuseReleasedGroupSeat(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const member = await seatOfCart(req)
    const lapsed = member && (member.status !== GroupMemberStatus.RESERVED || new Date(member.reservation_expires_at).getTime() <= Date.now())
    if (!member || !lapsed || member.order_id) {
      return next()
    }
    return next(
      asHttpError(
        new MedusaError(
          MedusaError.Types.CONFLICT,
          `The group seat reserved for this cart was released at ${new Date(member.reservation_expires_at).toISOString()}: check out the group buy again`
        )
      )
    )
  } catch (error) {
    return next(error)
  }
}
