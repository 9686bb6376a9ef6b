import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { SettleOn } from "../../modules/distribution/constants"
import { getDistributionSettingsStep } from "../programme/steps/get-distribution-settings"
import { markEligibleStep } from "./steps/mark-commissions-eligible"
import { orderReachedStateStep } from "./steps/distribution-order-reached-state"

const DAY_MS = 24 * 60 * 60 * 1000

export type MarkCommissionsEligibleWorkflowInput = {
  order_id: string
  state: SettleOn
  at?: Date
}

/**
 * When an order reaches the programme's settle-on state (every unit kept
 * fulfilled, shipped or delivered), its pending commissions become due after
 * the freeze period, counted from `at` (when the caller knows when the order
 * got there) or now. The earliest such moment fixes eligible_at: replays and
 * later events change nothing.
 */
export const markCommissionsEligibleWorkflow = createWorkflow(
  "mark-commissions-eligible",
  (input: MarkCommissionsEligibleWorkflowInput) => {
    const settings = getDistributionSettingsStep()
    const applies = transform({ input, settings }, ({ input, settings }) => input.state === settings.settle_on)
    const reached = when("settle-on-state-applies", { applies }, ({ applies }) => applies).then(() =>
      orderReachedStateStep(transform({ input }, ({ input }) => ({ order_id: input.order_id, state: input.state })))
    )
    const marked = when("order-reached-settle-state", { reached }, ({ reached }) => !!reached).then(() =>
      markEligibleStep(
        transform({ input, settings }, ({ input, settings }) => ({
          order_id: input.order_id,
          eligible_at: new Date((input.at ? new Date(input.at) : new Date()).getTime() + settings.freeze_days * DAY_MS),
        }))
      )
    )
    return new WorkflowResponse(transform({ marked }, ({ marked }) => marked ?? 0))
  }
)
