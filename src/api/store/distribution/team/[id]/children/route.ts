import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { MAX_COMMISSION_DEPTH } from "../../../../../../modules/distribution/constants"
import { requireDistributor } from "../../../../../utils/container"
import { presentTeamPage } from "../../../../../utils/present"
import { StoreGetTeamChildrenType } from "../../validators"

/**
 * One member's direct recruits, for a team opened one member at a time: the
 * member must be in the caller's team (or the caller), and its recruits within
 * the team's depths; anyone else is a 404, as an unknown id is. Members masked
 * as the team route masks them, each with its own direct_count (whether it has
 * recruits to open in turn).
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, StoreGetTeamChildrenType>, res: MedusaResponse) => {
  const { service, me } = await requireDistributor(req)
  const { limit, offset, status } = req.validatedQuery as StoreGetTeamChildrenType
  const page = await service.listTeamChildren(me.id, req.params.id, { maxDepth: MAX_COMMISSION_DEPTH, limit, offset, status })
  if (!page) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `No member of your team has the id ${req.params.id}`)
  }
  res.json({ ...presentTeamPage(page, { depth: page.depth, limit, offset }), parent_id: req.params.id })
}
