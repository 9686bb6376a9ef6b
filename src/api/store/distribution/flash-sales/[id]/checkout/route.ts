import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ActivityKind } from "../../../../../../modules/distribution/constants"
import { checkoutActivity, reservationEventData } from "../../../../../../lib/activity/checkout"
import { formatAmount } from "../../../../../../modules/distribution/utils/money"
import { asHttpError } from "../../../../../utils/workflow"
import { StoreCheckoutFlashSaleType } from "../../validators"

/**
 * POST /store/distribution/flash-sales/:id/checkout: reserves the quantity
 * for the logged-in customer and answers the one-item cart at the flash
 * sale's price; the storefront completes it with Medusa's own checkout
 * before the reservation expires.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreCheckoutFlashSaleType>, res: MedusaResponse) => {
  const body = req.validatedBody
  try {
    const result = await checkoutActivity(req.scope, {
      kind: ActivityKind.FLASH_SALE,
      activity_id: req.params.id,
      customer_id: req.auth_context.actor_id,
      variant_id: body.variant_id,
      quantity: body.quantity,
      region_id: body.region_id,
      referral_code: body.referral_code,
      sales_channel_id: (req as unknown as { publishable_key_context?: { sales_channel_ids?: string[] } }).publishable_key_context?.sales_channel_ids?.[0],
    })
    res.status(201).json({
      cart_id: result.cart_id,
      currency_code: result.currency_code,
      unit_price: formatAmount(result.unit_price, result.currency_code),
      reservation: reservationEventData(result.reservation),
    })
  } catch (error) {
    throw asHttpError(error)
  }
}
