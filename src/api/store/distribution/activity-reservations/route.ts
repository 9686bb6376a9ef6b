import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { reservationEventData } from "../../../../lib/activity/checkout"
import { ReservationRow } from "../../../../modules/distribution/queries/activity-reservations"
import { distributionService } from "../../../utils/container"
import { StoreListActivityReservationsType } from "./validators"

/** GET /store/distribution/activity-reservations: the caller's own reservations (秒杀, 拼团), the latest first. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { limit, offset, status, activity_kind } = req.validatedQuery as StoreListActivityReservationsType
  const filters: Record<string, unknown> = { customer_id: req.auth_context.actor_id }
  if (status) filters.status = status
  if (activity_kind) filters.activity_kind = activity_kind
  const [rows, count] = await distributionService(req).listAndCountDistributionActivityReservations(filters, {
    take: limit,
    skip: offset,
    order: { created_at: "DESC", id: "DESC" },
  })
  res.json({ reservations: rows.map((r) => reservationEventData(r as unknown as ReservationRow)), count, limit, offset })
}
