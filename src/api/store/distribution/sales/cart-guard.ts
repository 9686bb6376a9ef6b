import { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { refreshCartItemsWorkflow } from "@medusajs/medusa/core-flows"
import { linesAtEndedSalePrices } from "../../../../lib/sales"
import { asHttpError } from "../../../utils/workflow"

/**
 * Before Medusa completes a cart: a cart still holding the price of a sale
 * that has ended is re-priced by Medusa's own refreshCartItemsWorkflow (the
 * regular prices, and its payment collection to match) and the completion is
 * refused with a 409 saying which sale ended when. The buyer sees the new
 * total and completes again; an ended sale never sells through an idle cart.
 */
export async function refuseEndedSalePrices(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const cartId = req.params.id
    const stale = await linesAtEndedSalePrices(req.scope, cartId)
    if (!stale.length) {
      return next()
    }
    await refreshCartItemsWorkflow(req.scope).run({ input: { cart_id: cartId, force_refresh: true } })
    const which = [...new Map(stale.map(({ sale }) => [sale.sale_id, sale])).values()]
      .map((sale) => `"${sale.name}" ended at ${new Date(sale.ends_at).toISOString()}`)
      .join("; ")
    const items = stale.map(({ line }) => [line.product_title, line.variant_title].filter(Boolean).join(" ") || line.variant_id).join(", ")
    return next(
      asHttpError(
        new MedusaError(
          MedusaError.Types.CONFLICT,
          `The sale ${which}: ${items} ${stale.length > 1 ? "are" : "is"} back at the regular price. The cart was updated; check its total and complete it again`
        )
      )
    )
  } catch (error) {
    return next(error)
  }
}
