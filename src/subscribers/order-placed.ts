import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { afterResponse } from "../lib/after-response"
import { formatPrice } from "../modules/distribution/utils/poster"
import { creditOrderCommissionsWorkflow } from "../workflows"

/**
 * order.placed → credit the order's commissions (idempotent; a replay writes nothing),
 * once the checkout's buyer has their response.
 */
export default async function creditOnOrderPlaced({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await afterResponse()
  const { result } = await creditOrderCommissionsWorkflow(container).run({ input: { order_id: data.id } })
  if (result.created > 0) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(
        `distribution: credited order ${data.id} with ${result.created} commission(s), ${formatPrice(result.amount, result.currency_code!)} in total`
      )
  }
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "distribution-credit-order" },
}
