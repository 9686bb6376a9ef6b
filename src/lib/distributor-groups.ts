import { ICustomerModuleService, ILockingModule, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE } from "../modules/distribution"
import {
  DISTRIBUTOR_GROUP_METADATA,
  DistributorGroupMode,
  DistributorStatus,
} from "../modules/distribution/constants"
import DistributionModuleService from "../modules/distribution/service"
import {
  distributorGroupsFor,
  membershipChanges,
  PluginGroups,
  pluginGroupIds,
} from "../modules/distribution/utils/customer-groups"

/** The programme's group is named this; a level's, "Distributors — <level name>". */
export const PROGRAMME_GROUP_NAME = "Distributors"
const PROGRAMME_MARK = "programme"
/** Distributors read and brought to the rule per batch. */
const BATCH = 500
/** Seconds to wait for another instance's change of the same memberships or groups. */
const LOCK_TIMEOUT_S = 30
const GROUPS_LOCK = "distribution:customer-groups"
const customerLock = (customerId: string) => `distribution:customer-groups:${customerId}`

export type Membership = { customer_id: string; customer_group_id: string }
export type MembershipResult = { added: Membership[]; removed: Membership[] }

const services = (container: MedusaContainer) => ({
  distribution: container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE),
  customers: container.resolve<ICustomerModuleService>(Modules.CUSTOMER),
  locking: container.resolve<ILockingModule>(Modules.LOCKING),
})

/**
 * The plugin's groups that still exist: the programme's and every level's
 * (a deleted level's too, so that its members are taken out). A group a
 * merchant deleted is no longer the plugin's; the next sync makes a new one.
 */
export async function readPluginGroups(container: MedusaContainer): Promise<PluginGroups & { mode: DistributorGroupMode }> {
  const { distribution, customers } = services(container)
  const settings = await distribution.getSettings()
  const levels = await distribution.listDistributionLevels({}, { select: ["id", "customer_group_id"], withDeleted: true, take: null })
  const recorded = [settings.distributor_group_id, ...levels.map((l) => l.customer_group_id)].filter((id): id is string => !!id)
  const existing = new Set(
    recorded.length ? (await customers.listCustomerGroups({ id: recorded }, { select: ["id"], take: null })).map((g) => g.id) : []
  )
  return {
    mode: settings.distributor_group_mode as DistributorGroupMode,
    programme: settings.distributor_group_id && existing.has(settings.distributor_group_id) ? settings.distributor_group_id : null,
    levels: Object.fromEntries(
      levels.filter((l) => l.customer_group_id && existing.has(l.customer_group_id)).map((l) => [l.id, l.customer_group_id!])
    ),
  }
}

/**
 * The group marked as the plugin's `mark`, made when missing: found by its
 * name when another run made it meanwhile; named with a number after it when
 * a merchant's own group has the name. Returns its id and whether it was made.
 */
async function findOrCreateGroup(container: MedusaContainer, name: string, mark: string): Promise<{ id: string; created: boolean }> {
  const { customers } = services(container)
  for (let n = 1; n <= 20; n++) {
    const candidate = n === 1 ? name : `${name} (${n})`
    const [taken] = await customers.listCustomerGroups({ name: candidate }, { select: ["id", "metadata"] })
    if (taken) {
      if (taken.metadata?.[DISTRIBUTOR_GROUP_METADATA] === mark) {
        return { id: taken.id, created: false }
      }
      continue
    }
    try {
      const group = await customers.createCustomerGroups({
        name: candidate,
        metadata: { [DISTRIBUTOR_GROUP_METADATA]: mark },
        created_by: "medusa-plugin-distribution",
      })
      return { id: group.id, created: true }
    } catch (e) {
      // Another instance made a group of this name first: look again.
      const [now] = await customers.listCustomerGroups({ name: candidate }, { select: ["id", "metadata"] })
      if (now?.metadata?.[DISTRIBUTOR_GROUP_METADATA] === mark) {
        return { id: now.id, created: false }
      }
      if (!now) {
        throw e
      }
    }
  }
  throw new Error(`No free customer group name for ${name}`)
}

/**
 * Makes the groups the mode needs and records their ids: the programme's
 * (one and per_level) and each level's (per_level). Off makes nothing; groups
 * made before are kept (price lists point at them) and stay the plugin's.
 * Returns the groups and the ids of those it made.
 */
export async function ensurePluginGroups(container: MedusaContainer): Promise<{ groups: PluginGroups & { mode: DistributorGroupMode }; created: string[] }> {
  // One instance at a time makes the groups and records them: two approvals at once make one group.
  return await services(container).locking.execute(GROUPS_LOCK, () => ensureUnlocked(container), { timeout: LOCK_TIMEOUT_S })
}

async function ensureUnlocked(container: MedusaContainer): Promise<{ groups: PluginGroups & { mode: DistributorGroupMode }; created: string[] }> {
  const { distribution } = services(container)
  const groups = await readPluginGroups(container)
  const created: string[] = []
  if (groups.mode === DistributorGroupMode.OFF) {
    return { groups, created }
  }
  if (!groups.programme) {
    const group = await findOrCreateGroup(container, PROGRAMME_GROUP_NAME, PROGRAMME_MARK)
    const settings = await distribution.getSettings()
    await distribution.updateDistributionSettings({ id: settings.id, distributor_group_id: group.id })
    groups.programme = group.id
    if (group.created) created.push(group.id)
  }
  if (groups.mode === DistributorGroupMode.PER_LEVEL) {
    const levels = await distribution.listDistributionLevels({}, { select: ["id", "name"], order: { rank: "ASC" }, take: null })
    for (const level of levels.filter((l) => !groups.levels[l.id])) {
      const group = await findOrCreateGroup(container, `${PROGRAMME_GROUP_NAME} — ${level.name}`, level.id)
      await distribution.updateDistributionLevels({ id: level.id, customer_group_id: group.id })
      groups.levels[level.id] = group.id
      if (group.created) created.push(group.id)
    }
  }
  return { groups, created }
}

/**
 * Brings the given customers' memberships of the plugin's groups to the rule
 * (each one's distributor as it is once the lock is held; none: out of every
 * plugin group); returns what it changed.
 */
async function bringToRule(
  container: MedusaContainer,
  groups: PluginGroups & { mode: DistributorGroupMode },
  customerIds: string[]
): Promise<MembershipResult> {
  const { locking } = services(container)
  const plugin = pluginGroupIds(groups)
  const ids = [...new Set(customerIds)].sort()
  if (!ids.length || !plugin.length) {
    return { added: [], removed: [] }
  }
  // Read, compare and change under the customers' locks: two syncs of one customer at once
  // (an approval's and a sync-all's, on two instances) would both add the missing membership,
  // and Medusa's group membership has no unique key to refuse the second. The distributors are
  // read under the lock too, so a sync that waited applies the status that is, not the one it saw.
  return await locking.execute(ids.map(customerLock), () => bringToRuleLocked(container, groups, ids, plugin), {
    timeout: LOCK_TIMEOUT_S,
  })
}

async function bringToRuleLocked(
  container: MedusaContainer,
  groups: PluginGroups & { mode: DistributorGroupMode },
  ids: string[],
  plugin: string[]
): Promise<MembershipResult> {
  const { customers, distribution } = services(container)
  const distributors = await distribution.listDistributors(
    { customer_id: ids },
    { select: ["id", "customer_id", "status", "level_id"], take: null }
  )
  const current = await customers.listCustomerGroupCustomers(
    { customer_id: ids, customer_group_id: plugin },
    { select: ["customer_id", "customer_group_id"], take: null }
  )
  const byCustomer = new Map<string, string[]>()
  for (const m of current) {
    byCustomer.set(m.customer_id, [...(byCustomer.get(m.customer_id) ?? []), m.customer_group_id])
  }
  const distributorOf = new Map(distributors.map((d) => [d.customer_id, d]))
  const added: Membership[] = []
  const removed: Membership[] = []
  for (const customer_id of ids) {
    const d = distributorOf.get(customer_id)
    const target = distributorGroupsFor(groups.mode, d ? { status: d.status as DistributorStatus, level_id: d.level_id } : null, groups)
    const { add, remove } = membershipChanges(target, byCustomer.get(customer_id) ?? [], plugin)
    added.push(...add.map((customer_group_id) => ({ customer_id, customer_group_id })))
    removed.push(...remove.map((customer_group_id) => ({ customer_id, customer_group_id })))
  }
  await applyMemberships(container, { added, removed })
  return { added, removed }
}

export async function applyMemberships(container: MedusaContainer, changes: MembershipResult): Promise<void> {
  const { customers } = services(container)
  if (changes.removed.length) {
    await customers.removeCustomerFromGroup(changes.removed)
  }
  if (changes.added.length) {
    await customers.addCustomerToGroup(changes.added)
  }
}

/** One distributor's customer brought to the rule (its status and level as they are now, whatever event asked). */
export async function syncDistributorMembership(
  container: MedusaContainer,
  distributorId: string
): Promise<MembershipResult & { customer_id: string | null }> {
  const { distribution } = services(container)
  const [distributor] = await distribution.listDistributors({ id: distributorId }, { select: ["id", "customer_id", "status", "level_id"] })
  if (!distributor) {
    return { customer_id: null, added: [], removed: [] }
  }
  const { groups } = await ensurePluginGroups(container)
  return { customer_id: distributor.customer_id, ...(await bringToRule(container, groups, [distributor.customer_id])) }
}

/**
 * Every distributor brought to the rule, a batch at a time, then anyone else
 * left in the plugin's groups (a customer whose distributor row is gone)
 * taken out. Idempotent: a second run changes nothing.
 */
export async function syncAllMemberships(
  container: MedusaContainer,
  groups: PluginGroups & { mode: DistributorGroupMode }
): Promise<MembershipResult & { distributors: number }> {
  const { distribution, customers } = services(container)
  const result: MembershipResult = { added: [], removed: [] }
  let count = 0
  for (let skip = 0; ; skip += BATCH) {
    const page = await distribution.listDistributors(
      {},
      { select: ["id", "customer_id", "status", "level_id"], order: { id: "ASC" }, skip, take: BATCH }
    )
    if (!page.length) break
    count += page.length
    const changed = await bringToRule(container, groups, page.map((d) => d.customer_id))
    result.added.push(...changed.added)
    result.removed.push(...changed.removed)
    if (page.length < BATCH) break
  }
  const plugin = pluginGroupIds(groups)
  const strangers: string[] = []
  for (let skip = 0; plugin.length; skip += BATCH) {
    const members = await customers.listCustomerGroupCustomers(
      { customer_group_id: plugin },
      { select: ["id", "customer_id"], order: { id: "ASC" }, skip, take: BATCH }
    )
    if (!members.length) break
    const ids = [...new Set(members.map((m) => m.customer_id))]
    const known = new Set((await distribution.listDistributors({ customer_id: ids }, { select: ["customer_id"], take: null })).map((d) => d.customer_id))
    strangers.push(...ids.filter((id) => !known.has(id)))
    if (members.length < BATCH) break
  }
  for (let i = 0; i < strangers.length; i += BATCH) {
    const changed = await bringToRule(container, groups, strangers.slice(i, i + BATCH))
    result.removed.push(...changed.removed)
  }
  return { ...result, distributors: count }
}

export type DistributorGroupView = {
  id: string
  name: string
  level_id: string | null
  level_name: string | null
  member_count: number
}

/** The plugin's groups as the admin shows them: the programme's first, then the levels' by rank, with their member counts. */
export async function distributorGroupsView(container: MedusaContainer): Promise<{ mode: DistributorGroupMode; groups: DistributorGroupView[] }> {
  const { distribution, customers } = services(container)
  const groups = await readPluginGroups(container)
  const levels = await distribution.listDistributionLevels({}, { select: ["id", "name", "rank"], order: { rank: "ASC" }, take: null })
  const rows = [
    ...(groups.programme ? [{ id: groups.programme, level_id: null as string | null, level_name: null as string | null }] : []),
    ...levels.filter((l) => groups.levels[l.id]).map((l) => ({ id: groups.levels[l.id], level_id: l.id, level_name: l.name })),
  ]
  if (!rows.length) {
    return { mode: groups.mode, groups: [] }
  }
  const named = new Map(
    (await customers.listCustomerGroups({ id: rows.map((r) => r.id) }, { select: ["id", "name"], take: null })).map((g) => [g.id, g.name ?? ""])
  )
  const view: DistributorGroupView[] = []
  for (const row of rows) {
    const [, member_count] = await customers.listAndCountCustomers({ groups: row.id }, { select: ["id"], take: 1 })
    view.push({ ...row, name: named.get(row.id) ?? "", member_count })
  }
  return { mode: groups.mode, groups: view }
}
