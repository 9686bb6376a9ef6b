import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { reconcileStep } from "./steps/reconcile-distribution"

export type ReconcileDistributionWorkflowInput = {
  /** The orders placed or changed in this window are looked at (see steps/orders-changed-in.ts). */
  from: Date
  to: Date
  /** Rewrite cached balances that differ from the ledger. */
  repair?: boolean
}

/**
 * Re-derives every balance from the ledger and reports (optionally repairs)
 * mismatches, and repairs what a lost event left undone for the orders placed
 * or changed in a window (canceled, fulfilled, delivered, returned, refunded):
 * an order without commissions is credited (order.placed lost); an order
 * canceled, returned or refunded is brought to what it still earns (its
 * reversal lost); an order at the settle-on state whose commissions have no
 * due date gets one (its fulfilment event lost). Each repair is a workflow
 * that is idempotent on its own, so running this any number of times, on any
 * number of instances, pays and reverses once.
 */
export const reconcileDistributionWorkflow = createWorkflow(
  "reconcile-distribution",
  (input: ReconcileDistributionWorkflowInput) => new WorkflowResponse(reconcileStep(input))
)
