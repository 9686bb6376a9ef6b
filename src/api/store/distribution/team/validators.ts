import { z } from "@medusajs/framework/zod"
import { DISTRIBUTOR_STATUSES, MAX_COMMISSION_DEPTH } from "../../../../modules/distribution/constants"
import { oneOrMany, queryLimit, queryOffset } from "../../../utils/validators"

export const StoreGetTeam = z
  .object({
    depth: z.coerce.number().int().min(1).max(MAX_COMMISSION_DEPTH).default(1),
    status: oneOrMany(z.enum(DISTRIBUTOR_STATUSES)),
    limit: queryLimit({ default: 20, max: 100 }),
    offset: queryOffset,
  })
  .strict()
export type StoreGetTeamType = z.infer<typeof StoreGetTeam>

/** One member's direct recruits: the team's filters and paging, the depth being the member's own plus one. */
export const StoreGetTeamChildren = StoreGetTeam.omit({ depth: true })
export type StoreGetTeamChildrenType = z.infer<typeof StoreGetTeamChildren>
