import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { cancelGroupMemberWorkflow, confirmGroupMemberWorkflow } from "../workflows"

/** order.placed → the 拼团 seat is paid (the group opens or succeeds); order.canceled → an open group's seat goes back. Both idempotent. */
export default async function groupBuyOrders({ event: { name, data }, container }: SubscriberArgs<{ id: string }>) {
  if (name === "order.placed") {
    await confirmGroupMemberWorkflow(container).run({ input: { order_id: data.id } })
  } else {
    await cancelGroupMemberWorkflow(container).run({ input: { order_id: data.id } })
  }
}

export const config: SubscriberConfig = {
  event: ["order.placed", "order.canceled"],
  context: { subscriberId: "distribution-group-buy-orders" },
}
