import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE } from "../modules/distribution"
import { DistributorStatus, GroupMemberStatus, GroupStatus, ShareTarget } from "../modules/distribution/constants"
import DistributionModuleService from "../modules/distribution/service"
import { DistributionGroupBuyDTO } from "../modules/distribution/types"
import { GroupPrice, groupBuyPhase } from "../modules/distribution/utils/group-buy"
import { maskName } from "../modules/distribution/utils/mask"
import { formatAmount } from "../modules/distribution/utils/money"
import { groupPath } from "../modules/distribution/utils/share"
import { sharerOf, sharesOf } from "./share"

/**
 * 拼团 as the admin and the storefront read it: activities with their prices
 * as decimal strings, groups with seats and time left, members (masked for
 * the storefront) and the share link of a group, which carries the leader's
 * referral code when the leader is an active distributor.
 */

const service = (container: MedusaContainer): DistributionModuleService => container.resolve(DISTRIBUTION_MODULE)

type GroupLike = {
  id: string
  group_buy_id: string
  status: string
  size: number
  reserved: number
  paid: number
  virtual_count: number
  currency_code: string
  leader_customer_id: string
  opened_at: Date | string | null
  expires_at: Date | string | null
  succeeded_at: Date | string | null
  failed_at: Date | string | null
}

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null)

export function presentGroupBuy(row: DistributionGroupBuyDTO) {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    phase: groupBuyPhase(row, new Date()),
    starts_at: iso(row.starts_at)!,
    ends_at: iso(row.ends_at)!,
    group_size: row.group_size,
    time_limit_minutes: row.time_limit_minutes,
    reservation_minutes: row.reservation_minutes,
    per_order_limit: row.per_order_limit,
    per_customer_limit: row.per_customer_limit,
    virtual_threshold: row.virtual_threshold,
    overflow: row.overflow,
    commission_policy: row.commission_policy,
    rate_bps_1: row.rate_bps_1,
    rate_bps_2: row.rate_bps_2,
    rate_bps_3: row.rate_bps_3,
    leader_bonus_bps: row.leader_bonus_bps,
    prices: (row.prices as unknown as GroupPrice[]).map((p) => ({ ...p, amount: formatAmount(p.amount, p.currency_code) })),
    closed_at: iso(row.closed_at),
    created_at: iso(row.created_at)!,
  }
}

export function presentGroup(group: GroupLike, now = new Date()) {
  const expires = group.expires_at ? new Date(group.expires_at) : null
  return {
    id: group.id,
    group_buy_id: group.group_buy_id,
    status: group.status,
    size: group.size,
    paid: group.paid,
    reserved: group.reserved,
    virtual_count: group.virtual_count,
    seats_left: group.status === GroupStatus.OPEN ? Math.max(group.size - group.paid - group.reserved, 0) : 0,
    currency_code: group.currency_code,
    opened_at: iso(group.opened_at),
    expires_at: iso(expires),
    expires_in_seconds: expires && group.status === GroupStatus.OPEN ? Math.max(Math.floor((expires.getTime() - now.getTime()) / 1000), 0) : null,
    succeeded_at: iso(group.succeeded_at),
    failed_at: iso(group.failed_at),
  }
}

export async function retrieveGroupBuy(container: MedusaContainer, id: string) {
  const [row] = await service(container).listDistributionGroupBuys({ id })
  if (!row) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Group buy ${id} was not found`)
  }
  return row
}

export async function retrieveGroup(container: MedusaContainer, id: string) {
  const [row] = await service(container).listDistributionGroups({ id })
  if (!row) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Group ${id} was not found`)
  }
  return row as unknown as GroupLike
}

/** A group's members: the admin sees customers, orders and refund states; the storefront masked first names only. */
export async function groupMembers(container: MedusaContainer, groupId: string, opts: { masked: boolean }) {
  const members = await service(container).listDistributionGroupMembers(
    opts.masked ? { group_id: groupId, status: [GroupMemberStatus.PAID] } : { group_id: groupId },
    { order: { created_at: "ASC", id: "ASC" } }
  )
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: customers } = members.length
    ? await query.graph({ entity: "customer", fields: ["id", "first_name", "email"], filters: { id: [...new Set(members.map((m) => m.customer_id))] } })
    : { data: [] }
  const byId = new Map(customers.map((c: { id: string; first_name?: string | null; email?: string | null }) => [c.id, c]))
  return members.map((m) => {
    const customer = byId.get(m.customer_id)
    const name = customer?.first_name || customer?.email?.split("@")[0] || null
    if (opts.masked) {
      return { is_leader: m.is_leader, name: maskName(name), paid_at: iso(m.paid_at) }
    }
    return {
      id: m.id,
      customer_id: m.customer_id,
      email: customer?.email ?? null,
      is_leader: m.is_leader,
      status: m.status,
      variant_id: m.variant_id,
      quantity: m.quantity,
      unit_price: formatAmount(m.unit_price, m.currency_code),
      currency_code: m.currency_code,
      reservation_id: m.reservation_id,
      order_id: m.order_id,
      reservation_expires_at: iso(m.reservation_expires_at)!,
      paid_at: iso(m.paid_at),
      refund_status: m.refund_status,
      refund_error: m.refund_error,
    }
  })
}

/**
 * How a group is shared: its store path; its page's URL (the leader's referral
 * link when the leader is an active distributor, the plain page otherwise;
 * null without the store_url option); the leader's code; and the leader's
 * share of the page, as every share route gives one (null when the leader may
 * not share).
 */
export async function groupShare(container: MedusaContainer, group: GroupLike) {
  const path = groupPath(group.group_buy_id, group.id)
  const svc = service(container)
  const [leader] = await svc.listDistributors({ customer_id: group.leader_customer_id })
  // The code credits the leader at checkout whether or not the store's URL is configured; the share needs both.
  const code = leader?.status === DistributorStatus.ACTIVE ? leader.referral_code ?? null : null
  const sharer = sharerOf(svc, leader ?? null)
  const [share] = sharer ? await sharesOf(container, sharer, [{ type: ShareTarget.GROUP, id: group.id, path }]) : []
  const storeUrl = svc.getOptions().store_url
  return {
    path,
    url: share?.url ?? (storeUrl ? new URL(path, storeUrl).toString() : null),
    referral_code: code,
    share: share ?? null,
  }
}
