import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { formatPrice, renderPoster } from "../../../../modules/distribution/utils/poster"
import { referralUrl } from "../../../../modules/distribution/utils/referral-link"
import { productPath } from "../../../../modules/distribution/utils/share"
import { programmeCurrency, requireSharingDistributor } from "../../../utils/container"
import { retrieveStoreProduct } from "../../../../lib/earning-products"
import { StoreGetPosterType } from "./validators"

/** A PNG share poster of a product: title, price in the programme's currency, the caller's code and QR. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, StoreGetPosterType>, res: MedusaResponse) => {
  const { service, code, storeUrl } = await requireSharingDistributor(req)
  const currency = await programmeCurrency(req.scope)
  const { product, price } = await retrieveStoreProduct(req.scope, {
    product_id: (req.validatedQuery as StoreGetPosterType).product_id,
    sales_channel_ids: req.publishable_key_context?.sales_channel_ids ?? [],
    currency_code: currency,
  })
  const png = await renderPoster({
    title: product.title,
    price: price === null ? null : formatPrice(price, currency),
    referral_code: code,
    url: referralUrl(storeUrl, productPath(product.handle), code),
    font_file: service.getOptions().poster_font_file ?? null,
  })
  res.setHeader("Content-Type", "image/png")
  res.setHeader("Cache-Control", "private, max-age=300")
  res.status(200).send(png)
}
