import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SettleOn } from "../modules/distribution/constants"
import { markCommissionsEligibleWorkflow } from "../workflows"

const STATE_OF: Record<string, SettleOn> = {
  "order.fulfillment_created": "fulfilled",
  "shipment.created": "shipped",
  "delivery.created": "delivered",
}

/** Fulfilment, shipment or delivery → start the freeze period when it is the programme's settle-on state. */
export default async function startFreezePeriod({
  event: { name, data },
  container,
}: SubscriberArgs<{ id?: string; order_id?: string }>) {
  let orderId = data.order_id
  if (!orderId && data.id) {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: fulfillments } = await query.graph({
      entity: "fulfillment",
      fields: ["id", "order.id"],
      filters: { id: data.id },
    })
    orderId = (fulfillments[0] as { order?: { id: string } } | undefined)?.order?.id
  }
  if (!orderId) {
    return
  }
  const { result: marked } = await markCommissionsEligibleWorkflow(container).run({
    input: { order_id: orderId, state: STATE_OF[name] },
  })
  if (marked > 0) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(`distribution: marked order ${orderId} eligible (${STATE_OF[name]}): ${marked} commission(s) settle after the freeze period`)
  }
}

export const config: SubscriberConfig = {
  event: Object.keys(STATE_OF),
  context: { subscriberId: "distribution-start-freeze-period" },
}
