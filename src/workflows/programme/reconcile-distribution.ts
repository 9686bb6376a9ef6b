import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitGroupEventsStep } from "../group-buy/steps/emit-group-events"
import { reconcileStep } from "./steps/reconcile-distribution"
import { reconcileGroupRefundsStep } from "./steps/reconcile-group-refunds"

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
 * due date gets one (its fulfilment event lost). Then the 拼团 refunds a
 * crash or an error left unfinished are retried once each (a member marked
 * refunded in the window whose order is not canceled among them). Each repair
 * is a workflow or claim that is idempotent on its own, so running this any
 * number of times, on any number of instances, pays, reverses and refunds once.
 */
export const reconcileDistributionWorkflow = createWorkflow("reconcile-distribution", (input: ReconcileDistributionWorkflowInput) => {
  const report = reconcileStep(input)
  const refunds = reconcileGroupRefundsStep(transform({ input }, ({ input }) => ({ from: input.from, to: input.to })))
  emitGroupEventsStep(transform({ refunds }, ({ refunds }) => refunds.events))
  return new WorkflowResponse(transform({ report, refunds }, ({ report, refunds }) => ({ ...report, group_refunds: refunds.group_refunds })))
})
