import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE } from "../modules/distribution"
import { DistributionEvents } from "../modules/distribution/constants"
import DistributionModuleService from "../modules/distribution/service"
import { activityKind, activityMark } from "../lib/activity"
import { afterResponse } from "../lib/after-response"
import { emitReservationEvents } from "../lib/activity/checkout"

/**
 * Activity checkout's side of an order: order.placed consumes the
 * reservation its cart was made for (quota reserved → sold), order.canceled
 * gives the quota back (sold → free). Both are idempotent by the order: the
 * state guards make a replayed event change nothing. An order's side waits
 * for the checkout's response (lib/after-response).
 */
export default async function activityReservations({ event: { name, data }, container }: SubscriberArgs<{ id: string }>) {
  const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const now = new Date()
  if (name === "order.canceled") {
    const released = await service.giveBackActivityReservations({ order_id: data.id, now })
    for (const r of released) {
      await activityKind(r.activity_kind).onReleased?.(container, r)
    }
    await emitReservationEvents(container, DistributionEvents.RESERVATION_RELEASED, released)
    return
  }
  await afterResponse()
  // Nearly every order comes from an ordinary cart: when no reservation is open (and
  // this order holds none), there is nothing to consume and the order is not read.
  if (!(await service.hasActivityReservationToConsume(data.id))) {
    return
  }
  const { data: [order] } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    fields: ["id", "metadata", "items.metadata"],
    filters: { id: data.id },
  })
  const mark = activityMark(order?.metadata) ?? (order?.items ?? []).map((i) => activityMark(i?.metadata)).find(Boolean) ?? null
  if (!order || !mark) {
    return
  }
  const outcome = await service.consumeActivityReservation({ id: mark.reservation_id, order_id: order.id, now })
  if (!outcome) {
    logger.warn(`distribution: order ${order.id} names the activity reservation ${mark.reservation_id}, which does not exist`)
    return
  }
  if (outcome.oversold) {
    logger.warn(
      `distribution: order ${order.id} was placed on the expired reservation ${mark.reservation_id} and the ${mark.kind} ${mark.id} has no quota left for it`
    )
  }
  // The kind's hook also runs on a replay (it is idempotent): a first run that died after the
  // consumption committed still gets the kind's side (a 拼团 seat paid) done.
  if (outcome.changed || (outcome.reservation.status === "consumed" && outcome.reservation.order_id === order.id)) {
    await activityKind(outcome.reservation.activity_kind).onConsumed?.(container, outcome.reservation)
  }
  if (outcome.changed) {
    await emitReservationEvents(container, DistributionEvents.RESERVATION_CONSUMED, [outcome.reservation])
  }
}

export const config: SubscriberConfig = {
  event: ["order.placed", "order.canceled"],
  context: { subscriberId: "distribution-activity-reservations" },
}
