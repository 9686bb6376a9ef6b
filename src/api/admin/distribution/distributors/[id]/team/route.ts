import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { distributionService } from "../../../../../utils/container"
import { presentLevel } from "../../../../../utils/present"
import { AdminGetTeamType } from "../../validators"

/** One page of a distributor's team at a relative depth: what the admin's tree expands lazily. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetTeamType>,
  res: MedusaResponse
) => {
  const service = distributionService(req)
  const { depth, limit, offset, status } = req.validatedQuery as AdminGetTeamType
  const { rows, count } = await service.listTeam(req.params.id, { depth, limit, offset, status })
  res.json({
    members: rows.map(({ application: _encrypted, level, ...d }) => ({
      ...d,
      level: presentLevel(level),
    })),
    count,
    depth,
    limit,
    offset,
  })
}
