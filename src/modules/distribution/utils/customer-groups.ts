import { DistributorGroupMode, DistributorStatus } from "../constants"

/** The customer groups the plugin made and owns: the programme's, and one per level (by level id). */
export type PluginGroups = { programme: string | null; levels: Record<string, string> }

/** Every group the plugin owns, whatever the mode now (a group kept from a mode switched off still is the plugin's). */
export function pluginGroupIds(groups: PluginGroups): string[] {
  return [...new Set([...(groups.programme ? [groups.programme] : []), ...Object.values(groups.levels)])]
}

/**
 * The plugin's groups a customer must be in (分销价): an active distributor is
 * in the programme's group, and in per_level mode in its level's group too;
 * a pending, rejected or suspended one, a customer who is no distributor, or
 * anyone while the mode is off, in none.
 */
export function distributorGroupsFor(
  mode: DistributorGroupMode,
  distributor: { status: DistributorStatus; level_id: string | null } | null,
  groups: PluginGroups
): string[] {
  if (mode === DistributorGroupMode.OFF || !distributor || distributor.status !== DistributorStatus.ACTIVE) {
    return []
  }
  const target = groups.programme ? [groups.programme] : []
  const level = distributor.level_id ? groups.levels[distributor.level_id] : undefined
  if (mode === DistributorGroupMode.PER_LEVEL && level) {
    target.push(level)
  }
  return target
}

/**
 * What brings a customer's memberships to the rule: the target groups it is
 * not in yet, and the plugin's groups it is in but must leave. A group the
 * plugin does not own is never added to nor left.
 */
export function membershipChanges(
  target: string[],
  current: string[],
  plugin: string[]
): { add: string[]; remove: string[] } {
  const owned = new Set(plugin)
  const wanted = new Set(target.filter((g) => owned.has(g)))
  const now = new Set(current)
  return {
    add: [...wanted].filter((g) => !now.has(g)),
    remove: [...now].filter((g) => owned.has(g) && !wanted.has(g)),
  }
}
