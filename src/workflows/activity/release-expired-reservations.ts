import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { DISTRIBUTION_MODULE } from "../../modules/distribution"
import { DistributionEvents } from "../../modules/distribution/constants"
import DistributionModuleService from "../../modules/distribution/service"
import { reservationEventData } from "../../lib/activity/checkout"
import { activityKind } from "../../lib/activity"

export type ReleaseExpiredReservationsInput = { limit: number; now?: Date }

const releaseExpiredReservationsStep = createStep(
  "release-expired-distribution-activity-reservations",
  async (input: ReleaseExpiredReservationsInput, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const rows = await service.releaseExpiredActivityReservations({ now: input.now ?? new Date(), limit: input.limit })
    for (const r of rows) {
      await activityKind(r.activity_kind).onReleased?.(container, r)
    }
    return new StepResponse(rows.map(reservationEventData))
  }
)

/**
 * Releases up to `limit` reservations whose time ran out, giving their quota
 * back to the activity (SKIP LOCKED: a reservation an order is consuming, or
 * another instance is releasing, is left to it), and announces each
 * (distribution.activity_reservation.released). Safe to run any number of times.
 */
export const releaseExpiredReservationsWorkflow = createWorkflow(
  "release-expired-distribution-activity-reservations",
  (input: ReleaseExpiredReservationsInput) => {
    const released = releaseExpiredReservationsStep(input)
    emitEventStep({
      eventName: DistributionEvents.RESERVATION_RELEASED,
      data: transform({ released }, ({ released }) => released),
    })
    return new WorkflowResponse(released)
  }
)
