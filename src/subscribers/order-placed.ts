import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { creditOrderCommissionsWorkflow } from "../workflows"

/** order.placed → credit the order's commissions (idempotent; a replay writes nothing). */
export default async function creditOnOrderPlaced({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await creditOrderCommissionsWorkflow(container).run({ input: { order_id: data.id } })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "distribution-credit-order" },
}
