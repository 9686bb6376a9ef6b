import { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { cancelOrderWorkflow } from "@medusajs/medusa/core-flows"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import { GroupBuyEvents, GroupRefundStatus, GroupStatus } from "../../../modules/distribution/constants"
import { GroupRow } from "../../../modules/distribution/queries/group-buys"
import DistributionModuleService from "../../../modules/distribution/service"

export type GroupEvent = { name: string; data: Record<string, unknown> }

const groupEvent = (name: string, group: GroupRow, extra: Record<string, unknown> = {}): GroupEvent => ({
  name,
  data: { id: group.id, group_buy_id: group.group_buy_id, status: group.status, paid: group.paid, size: group.size, ...extra },
})

/**
 * A 拼团 reservation consumed by its order: the seat is paid (once), the group
 * opens or succeeds. No compensation: the change is its own record, and a
 * replay finds the seat paid and changes nothing.
 */
export const confirmGroupMemberStep = createStep(
  "confirm-distribution-group-member",
  async (input: { reservation_id: string; order_id: string }, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const confirmed = await service.confirmGroupMember({ ...input, now: new Date() })
    if (!confirmed || confirmed.late) {
      return new StepResponse({ events: [] as GroupEvent[], late: !!confirmed?.late })
    }
    const who = { customer_id: confirmed.member.customer_id, order_id: input.order_id }
    const events = [
      groupEvent(confirmed.opened ? GroupBuyEvents.GROUP_OPENED : GroupBuyEvents.GROUP_JOINED, confirmed.group, who),
      ...(confirmed.succeeded ? [groupEvent(GroupBuyEvents.GROUP_SUCCEEDED, confirmed.group)] : []),
    ]
    return new StepResponse({ events, late: false })
  }
)

/**
 * The job's pass: seats a crash left out of step with their reservations
 * repaired (released, or paid), then expired open groups completed virtually
 * or failed (each claimed once, SKIP LOCKED). Lapsed seats are the shared
 * reservations' job (release-activity-reservations), which gives each back
 * through the kind.
 */
export const expireGroupsStep = createStep("expire-distribution-groups", async (input: { now?: Date }, { container }) => {
  const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
  const now = input.now ?? new Date()
  // First what a crash between a reservation's change and the kind's hook left undone.
  const repaired = await service.repairGroupSeats({})
  const paidLate: GroupEvent[] = []
  for (const c of repaired.consumed) {
    const confirmed = await service.confirmGroupMember({ ...c, now })
    if (confirmed && !confirmed.late) {
      paidLate.push(groupEvent(confirmed.opened ? GroupBuyEvents.GROUP_OPENED : GroupBuyEvents.GROUP_JOINED, confirmed.group, { order_id: c.order_id }))
      if (confirmed.succeeded) paidLate.push(groupEvent(GroupBuyEvents.GROUP_SUCCEEDED, confirmed.group))
    }
  }
  const settled = await service.expireGroups({ now })
  const events = paidLate.concat(settled.map(({ group, outcome }) =>
    groupEvent(outcome === GroupStatus.SUCCEEDED ? GroupBuyEvents.GROUP_SUCCEEDED : GroupBuyEvents.GROUP_FAILED, group, {
      virtual_count: group.virtual_count,
    })
  ))
  return new StepResponse({ events, settled: settled.length })
})

/** An admin completes or fails an open group now. */
export const decideGroupStep = createStep(
  "decide-distribution-group",
  async (input: { group_id: string; outcome: typeof GroupStatus.SUCCEEDED | typeof GroupStatus.FAILED }, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const group = await service.decideGroup({ ...input, now: new Date() })
    const name = input.outcome === GroupStatus.SUCCEEDED ? GroupBuyEvents.GROUP_SUCCEEDED : GroupBuyEvents.GROUP_FAILED
    return new StepResponse({ group, events: [groupEvent(name, group, { virtual_count: group.virtual_count, forced: true })] })
  }
)

/**
 * Refunds the due members of failed groups (and late payers) through Medusa's
 * cancelOrderWorkflow, which refunds captured payments, cancels the
 * authorized ones and emits order.canceled (the commissions' reversal). Each
 * member is claimed once (pending → refunding, SKIP LOCKED), so two runs
 * never cancel an order twice; an order found canceled counts as refunded;
 * any other failure is recorded (failed, with the reason) for reconcile.
 * `member_ids` narrows it to those members (reconcile's retries): each is
 * tried once per call, since a failure leaves it `failed`, which is not claimed.
 */
export async function refundDueGroupMembers(container: MedusaContainer, filter: { group_id?: string; member_ids?: string[] }): Promise<GroupEvent[]> {
  const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
  const events: GroupEvent[] = []
  if (filter.member_ids && !filter.member_ids.length) {
    return events
  }
  for (;;) {
    const member = await service.claimGroupRefund(filter)
    if (!member) {
      break
    }
    try {
      await cancelOrderWorkflow(container).run({ input: { order_id: member.order_id! } })
      await service.finishGroupRefund({ member_id: member.id, status: GroupRefundStatus.REFUNDED })
    } catch (e) {
      const message = (e as Error).message ?? String(e)
      // Canceled already (by a run that died before recording it, or by an admin): its refund was Medusa's.
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: [order] } = await query.graph({ entity: "order", fields: ["id", "status"], filters: { id: member.order_id! } })
      const done = (order as { status?: string } | undefined)?.status === "canceled"
      await service.finishGroupRefund({
        member_id: member.id,
        status: done ? GroupRefundStatus.REFUNDED : GroupRefundStatus.FAILED,
        error: done ? null : message,
      })
      if (!done) {
        continue
      }
    }
    events.push({
      name: GroupBuyEvents.GROUP_MEMBER_REFUNDED,
      data: { id: member.group_id, group_buy_id: member.group_buy_id, member_id: member.id, order_id: member.order_id },
    })
  }
  return events
}

/** The refunds due now (see refundDueGroupMembers). */
export const refundGroupMembersStep = createStep(
  "refund-distribution-group-members",
  async (input: { group_id?: string }, { container }) => new StepResponse({ events: await refundDueGroupMembers(container, input) })
)
