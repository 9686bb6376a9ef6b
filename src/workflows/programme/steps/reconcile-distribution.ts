import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
import { creditOrderCommissionsWorkflow } from "../../commission/credit-order-commissions"
import { reverseOrderCommissionsWorkflow } from "../../commission/reverse-order-commissions"
import { markCommissionsEligibleWorkflow } from "../../commission/mark-commissions-eligible"
import { programmeSettings } from "../../../lib/programme-settings"
import type { ReconcileDistributionWorkflowInput } from "../reconcile-distribution"
import { ordersChangedIn } from "./orders-changed-in"

export const reconcileStep = createStep(
  "reconcile-distribution",
  async (input: ReconcileDistributionWorkflowInput, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const wallets = await service.reconcileWallets({ repair: !!input.repair })
    const settings = await programmeSettings(container)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const recredited: { order_id: string; created: number }[] = []
    const reversed: { order_id: string; reversed: number; clawed_back: number }[] = []
    const marked_eligible: { order_id: string; marked: number }[] = []
    let checked = 0
    for await (const orders of ordersChangedIn(query, new Date(input.from), new Date(input.to))) {
      checked += orders.length
      const ids = orders.map((o) => o.id)
      const [missing, states] = await Promise.all([service.ordersWithoutCommissions(ids), service.orderCommissionStates(ids)])
      const isMissing = new Set(missing)
      for (const order of orders) {
        // 1. An order.placed lost: credited now (idempotent by the commission's key).
        if (isMissing.has(order.id) && order.status !== "canceled") {
          const { result } = await creditOrderCommissionsWorkflow(container).run({ input: { order_id: order.id } })
          if (result.created > 0) recredited.push({ order_id: order.id, created: result.created })
          continue
        }
        const state = states.get(order.id)
        if (!state?.open) continue
        // An order edit whose event was lost: a line the order holds now and has no commission
        // for is credited (nothing, when it earns nothing), and a credited line whose quantity
        // moved counts as changed below.
        const items = order.items ?? []
        const credited = state.credited_quantities
        let addedLines = 0
        if (order.status !== "canceled" && items.some((i) => !(i.id in credited))) {
          const { result } = await creditOrderCommissionsWorkflow(container).run({
            input: { order_id: order.id, new_lines_only: true },
          })
          addedLines = result.created
          if (addedLines > 0) recredited.push({ order_id: order.id, created: addedLines })
        }
        const heldNow = new Map(items.map((i) => [i.id, Number(i.quantity)]))
        const edited = Object.entries(credited).some(([line, quantity]) => heldNow.get(line) !== quantity)
        const changed =
          order.status === "canceled" ||
          edited ||
          (order.returns ?? []).length > 0 ||
          (order.payment_collections ?? []).some((c) => (c.payments ?? []).some((p) => (p.refunds ?? []).length > 0))
        // 2. A cancel, return, refund or edit whose event was lost: the reversal brings the
        // commissions to what the order still earns, from its cumulative state (nothing when it is
        // there already). Orders with none of these have nothing to reverse and are not looked at again.
        if (changed) {
          const { result: reversal } = await reverseOrderCommissionsWorkflow(container).run({
            input: { order_id: order.id, cause: "reconcile" },
          })
          if (reversal.reversed > 0) {
            reversed.push({ order_id: order.id, reversed: reversal.reversed, clawed_back: reversal.clawed_back })
          }
        }
        // 3. The settle-on state reached but never marked: the freeze period starts now.
        if ((state.unmarked || addedLines > 0) && order.status !== "canceled") {
          const { result: marked } = await markCommissionsEligibleWorkflow(container).run({
            input: { order_id: order.id, state: settings.settle_on },
          })
          if (marked > 0) marked_eligible.push({ order_id: order.id, marked })
        }
      }
    }
    return new StepResponse({
      wallet_mismatches: wallets,
      repaired: !!input.repair,
      orders_checked: checked,
      recredited,
      reversed,
      marked_eligible,
    })
  }
)
