import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { programmeSettings } from "../lib/programme-settings"
import {
  creditOrderCommissionsWorkflow,
  markCommissionsEligibleWorkflow,
  reverseOrderCommissionsWorkflow,
} from "../workflows"

/**
 * An order edit confirmed (Medusa's order-edit.confirmed: lines added, a
 * quantity lowered or raised, a line removed) → the order's commissions follow
 * what it holds now:
 * - lines the edit added are credited, to the upline the order was credited
 *   with (`new_lines_only`);
 * - a lowered quantity takes the removed units' share back, and the refund of
 *   the difference is explained by those units, not spread over the rest
 *   (the reversal rule, from the order's cumulative state);
 * - an order that now has every unit in the programme's settle-on state starts
 *   its freeze period.
 * Each part is idempotent, so a replayed event changes nothing; the reconcile
 * job repairs an edit whose event was lost.
 */
export default async function followOrderEdit({
  event: { data },
  container,
}: SubscriberArgs<{ order_id?: string; actions?: { order_change_id?: string }[] }>) {
  const orderId = data.order_id
  if (!orderId) {
    return
  }
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { result: credit } = await creditOrderCommissionsWorkflow(container).run({
    input: { order_id: orderId, new_lines_only: true },
  })
  const change = data.actions?.find((a) => a.order_change_id)?.order_change_id
  const { result: reversal } = await reverseOrderCommissionsWorkflow(container).run({
    input: { order_id: orderId, cause: change ? `edit:${change}` : "edit" },
  })
  const settings = await programmeSettings(container)
  const { result: marked } = await markCommissionsEligibleWorkflow(container).run({
    input: { order_id: orderId, state: settings.settle_on },
  })
  if (credit.created > 0 || reversal.reversed > 0 || marked > 0) {
    logger.info(
      `distribution: order ${orderId} edited: ${credit.created} commission(s) credited for added lines, ` +
        `${reversal.reversed} reversed (${reversal.clawed_back} clawed back), ${marked} marked eligible`
    )
  }
}

export const config: SubscriberConfig = {
  event: "order-edit.confirmed",
  context: { subscriberId: "distribution-follow-order-edit" },
}
