import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import { UnfinishedRefund } from "../../../modules/distribution/queries/group-buys"
import DistributionModuleService from "../../../modules/distribution/service"
import { refundDueGroupMembers } from "../../group-buy/steps/group-transitions"

/** A failed group's refunds that reconcile found unfinished: how many of its members, in which state, and what the retry did. */
export type GroupRefundRepair = {
  group_id: string
  group_buy_id: string
  /** Members whose refund was unfinished. */
  members: number
  /** Stuck `pending` or `refunding` for 10 minutes and more (an instance died mid-way). */
  pending: number
  refunding: number
  /** The last attempt failed (`refund_error`). */
  failed: number
  /** Paid members of a failed group never queued for a refund. */
  unqueued: number
  /** Marked refunded, but the order is not canceled. */
  not_canceled: number
  /** Queued again and tried once by this run. */
  retried: number
  /** Refunded by this run (its order canceled, or found canceled). */
  refunded: number
}

/**
 * Reconcile's pass over 拼团 refunds: the members whose refund a crash or an
 * error left unfinished, and those marked refunded in the window whose order
 * is not canceled, are queued again and tried once each through the same
 * refund as the minute job (refundDueGroupMembers: claimed once, an order
 * already canceled counts as refunded, never canceled twice). Reported per
 * group; a second run finds nothing left.
 */
export const reconcileGroupRefundsStep = createStep(
  "reconcile-distribution-group-refunds",
  async (input: { from: Date; to: Date }, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const found = await service.listUnfinishedGroupRefunds({ refunded_from: new Date(input.from), refunded_to: new Date(input.to) })
    const refunded = found.filter((m) => m.state === "refunded")
    const canceled = new Set<string>()
    if (refunded.length) {
      const { data } = await container
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "order", fields: ["id", "status"], filters: { id: refunded.map((m) => m.order_id) } })
      for (const order of data as { id: string; status: string }[]) {
        if (order.status === "canceled") canceled.add(order.id)
      }
    }
    const due: UnfinishedRefund[] = found.filter((m) => m.state !== "refunded" || !canceled.has(m.order_id))
    const queued = await service.requeueGroupRefunds(due.map(({ id, state }) => ({ id, state })))
    const events = await refundDueGroupMembers(container, { member_ids: queued })
    const retried = new Set(queued)
    const done = new Set(events.map((e) => e.data.member_id as string))
    const byGroup = new Map<string, GroupRefundRepair>()
    for (const m of due) {
      const repair = byGroup.get(m.group_id) ?? {
        group_id: m.group_id,
        group_buy_id: m.group_buy_id,
        members: 0,
        pending: 0,
        refunding: 0,
        failed: 0,
        unqueued: 0,
        not_canceled: 0,
        retried: 0,
        refunded: 0,
      }
      repair.members++
      repair[m.state === "refunded" ? "not_canceled" : m.state]++
      if (retried.has(m.id)) repair.retried++
      if (done.has(m.id)) repair.refunded++
      byGroup.set(m.group_id, repair)
    }
    return new StepResponse({ group_refunds: [...byGroup.values()], events })
  }
)
