import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { resolveShare } from "../../../../../lib/share"
import { sceneRefusal } from "../../../../../modules/distribution/utils/share"

/**
 * GET /store/distribution/share/:scene (publishable key, no login): what a
 * mini-program code's scene stands for. The mini-program then records the
 * visit itself (POST /store/distribution/visits, source qr) and keeps the code.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const scene = req.params.scene
  const refusal = sceneRefusal(scene)
  if (refusal) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, refusal)
  }
  res.json(await resolveShare(req.scope, scene))
}
