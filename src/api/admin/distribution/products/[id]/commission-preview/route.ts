import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { previewProductCommissions } from "../../../../../../lib/commission-preview"

/** What each level earns per unit of this product's variants, at each depth (the product page's widget). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json(await previewProductCommissions(req.scope, req.params.id))
}
