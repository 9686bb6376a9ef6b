import { z } from "@medusajs/framework/zod"
import { COMMISSION_STATUSES, MAX_COMMISSION_DEPTH } from "../../../../modules/distribution/constants"
import { oneOrMany, queryDate, queryLimit, queryOffset } from "../../../utils/validators"

export const StoreListCommissions = z
  .object({
    status: oneOrMany(z.enum(COMMISSION_STATUSES)),
    depth: z.coerce.number().int().min(1).max(MAX_COMMISSION_DEPTH).optional(),
    from: queryDate("from").optional(),
    to: queryDate("to").optional(),
    limit: queryLimit({ default: 20, max: 100 }),
    offset: queryOffset,
  })
  .strict()
export type StoreListCommissionsType = z.infer<typeof StoreListCommissions>
