import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requireDistributor } from "../../../utils/container"
import { presentTeamPage } from "../../../utils/present"
import { StoreGetTeamType } from "./validators"

/** The caller's team at one relative depth (1 = direct recruits), paginated; members masked. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, StoreGetTeamType>,
  res: MedusaResponse
) => {
  const { service, me } = await requireDistributor(req)
  const { depth, limit, offset, status } = req.validatedQuery as StoreGetTeamType
  const page = await service.listTeam(me.id, { depth, limit, offset, status })
  res.json(presentTeamPage(page, { depth, limit, offset }))
}
