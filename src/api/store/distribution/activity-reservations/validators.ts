import { z } from "@medusajs/framework/zod"
import { ACTIVITY_KINDS, RESERVATION_STATUSES } from "../../../../modules/distribution/constants"
import { oneOrMany, queryLimit, queryOffset } from "../../../utils/validators"

export const StoreListActivityReservations = z
  .object({
    activity_kind: oneOrMany(z.enum(ACTIVITY_KINDS)),
    status: oneOrMany(z.enum(RESERVATION_STATUSES)),
    limit: queryLimit({ default: 20, max: 100 }),
    offset: queryOffset,
  })
  .strict()
export type StoreListActivityReservationsType = z.infer<typeof StoreListActivityReservations>
