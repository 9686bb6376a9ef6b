import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE } from "../../modules/distribution"
import DistributionModuleService from "../../modules/distribution/service"
import { creditOrderCommissionsWorkflow } from "../commission/credit-order-commissions"

export type ReconcileDistributionWorkflowInput = {
  /** Placed orders in this window without any commission are credited again. */
  from: Date
  to: Date
  /** Rewrite cached balances that differ from the ledger. */
  repair?: boolean
}

const reconcileStep = createStep(
  "reconcile-distribution",
  async (input: ReconcileDistributionWorkflowInput, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const wallets = await service.reconcileWallets({ repair: !!input.repair })
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const recredited: { order_id: string; created: number }[] = []
    let checked = 0
    for (let skip = 0; ; skip += 500) {
      const { data: orders } = await query.graph({
        entity: "order",
        fields: ["id"],
        filters: {
          created_at: { $gte: new Date(input.from), $lte: new Date(input.to) },
          status: { $ne: "canceled" },
          is_draft_order: false,
        },
        pagination: { skip, take: 500, order: { created_at: "ASC" } },
      })
      checked += orders.length
      for (const orderId of await service.ordersWithoutCommissions(orders.map((o) => o.id))) {
        const { result } = await creditOrderCommissionsWorkflow(container).run({ input: { order_id: orderId } })
        if (result.created > 0) {
          recredited.push({ order_id: orderId, created: result.created })
        }
      }
      if (orders.length < 500) break
    }
    return new StepResponse({ wallet_mismatches: wallets, repaired: !!input.repair, orders_checked: checked, recredited })
  }
)

/**
 * Re-derives every balance from the ledger and reports (optionally repairs)
 * mismatches; re-credits placed orders of a window that have no commissions
 * (an order.placed lost in a crash). Crediting is idempotent by the
 * commission's unique key, so running this any number of times pays once.
 */
export const reconcileDistributionWorkflow = createWorkflow(
  "reconcile-distribution",
  (input: ReconcileDistributionWorkflowInput) => new WorkflowResponse(reconcileStep(input))
)
