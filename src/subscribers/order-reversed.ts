import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { reverseOrderCommissionsWorkflow } from "../workflows"

/** Cancel, return received or refund → bring the order's commissions to what is still earned. */
export default async function reverseCommissions({
  event: { name, data },
  container,
}: SubscriberArgs<{ id?: string; order_id?: string; return_id?: string }>) {
  let orderId = name === "order.canceled" ? data.id : data.order_id
  let cause = name === "order.canceled" ? "cancel" : `return:${data.return_id}`
  if (name === "payment.refunded" && data.id) {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: payments } = await query.graph({
      entity: "payment",
      fields: ["id", "payment_collection.order.id"],
      filters: { id: data.id },
    })
    orderId = (payments[0] as { payment_collection?: { order?: { id: string } } } | undefined)?.payment_collection?.order?.id
    cause = "refund"
  }
  if (!orderId) {
    return
  }
  const { result } = await reverseOrderCommissionsWorkflow(container).run({ input: { order_id: orderId, cause } })
  if (result.reversed > 0) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(
        `distribution: reversed order ${orderId} (${cause}): ${result.reversed} commission(s), ${result.clawed_back} clawed back from settled balances`
      )
  }
}

export const config: SubscriberConfig = {
  event: ["order.canceled", "order.return_received", "payment.refunded"],
  context: { subscriberId: "distribution-reverse-commissions" },
}
