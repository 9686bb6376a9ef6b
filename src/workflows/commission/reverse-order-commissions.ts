import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { applyReversalStep } from "./steps/apply-commission-reversal"
import { reversalFactsStep } from "./steps/distribution-reversal-facts"

export type ReverseOrderCommissionsWorkflowInput = {
  order_id: string
  /** What caused it: "cancel", "return:<id>", "refund", "reconcile" (a repair). */
  cause: string
}

/**
 * Cancel, return or refund: brings the order's commissions to what they should
 * be now (all reversed on cancel; returned units' share; the refund no return
 * explains spread over what was kept). Computed from the order's cumulative
 * state, so a replayed event changes nothing and events in any order end in
 * the same rows; settled commissions move through the ledger. The order is
 * locked from reading its state to writing the rows, so a run that read an
 * older state can never write after one that read a newer one.
 */
export const reverseOrderCommissionsWorkflow = createWorkflow(
  "reverse-order-commissions",
  (input: ReverseOrderCommissionsWorkflowInput) => {
    const lock = transform({ input }, ({ input }) => ({ key: `distribution-reversal:${input.order_id}` }))
    acquireLockStep(transform({ lock }, ({ lock }) => ({ ...lock, timeout: 60, ttl: 120 })))
    const loaded = reversalFactsStep(transform({ input }, ({ input }) => ({ order_id: input.order_id })))
    const result = applyReversalStep(
      transform({ input, loaded }, ({ input, loaded }) => ({
        order_id: input.order_id,
        reference: input.cause === "refund" ? `refund:${loaded.refunded}` : input.cause,
        facts: loaded.facts,
      }))
    )
    releaseLockStep(lock)
    return new WorkflowResponse(result)
  }
)
