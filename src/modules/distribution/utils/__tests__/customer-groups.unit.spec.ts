import fc from "fast-check"
import { DISTRIBUTOR_GROUP_MODES, DISTRIBUTOR_STATUSES, DistributorGroupMode, DistributorStatus } from "../../constants"
import { distributorGroupsFor, membershipChanges, pluginGroupIds } from "../customer-groups"

const groups = { programme: "cusgroup_all", levels: { dlvl_gold: "cusgroup_gold", dlvl_silver: "cusgroup_silver" } }
const plugin = pluginGroupIds(groups)
const active = { status: DistributorStatus.ACTIVE, level_id: "dlvl_gold" }

describe("which of the plugin's customer groups a customer must be in", () => {
  it("an active distributor: the programme's group, and its level's in per_level mode", () => {
    expect(distributorGroupsFor(DistributorGroupMode.ONE, active, groups)).toEqual(["cusgroup_all"])
    expect(distributorGroupsFor(DistributorGroupMode.PER_LEVEL, active, groups)).toEqual(["cusgroup_all", "cusgroup_gold"])
    expect(distributorGroupsFor(DistributorGroupMode.PER_LEVEL, { ...active, level_id: "dlvl_silver" }, groups)).toEqual([
      "cusgroup_all",
      "cusgroup_silver",
    ])
  })

  it("a level without a group yet, or no level: the programme's group only", () => {
    expect(distributorGroupsFor(DistributorGroupMode.PER_LEVEL, { ...active, level_id: "dlvl_new" }, groups)).toEqual(["cusgroup_all"])
    expect(distributorGroupsFor(DistributorGroupMode.PER_LEVEL, { ...active, level_id: null }, groups)).toEqual(["cusgroup_all"])
  })

  it("pending, rejected and suspended distributors, non-distributors, and everyone while the mode is off: none", () => {
    for (const status of [DistributorStatus.PENDING, DistributorStatus.REJECTED, DistributorStatus.SUSPENDED]) {
      expect(distributorGroupsFor(DistributorGroupMode.PER_LEVEL, { ...active, status }, groups)).toEqual([])
    }
    expect(distributorGroupsFor(DistributorGroupMode.PER_LEVEL, null, groups)).toEqual([])
    expect(distributorGroupsFor(DistributorGroupMode.OFF, active, groups)).toEqual([])
  })
})

describe("the changes that bring a customer to the rule", () => {
  it("joins what it must be in, leaves the plugin's groups it must not be in, and keeps the merchant's own groups", () => {
    expect(membershipChanges(["cusgroup_all", "cusgroup_silver"], ["cusgroup_all", "cusgroup_gold", "cusgroup_vip"], plugin)).toEqual({
      add: ["cusgroup_silver"],
      remove: ["cusgroup_gold"],
    })
    expect(membershipChanges([], ["cusgroup_all", "cusgroup_vip"], plugin)).toEqual({ add: [], remove: ["cusgroup_all"] })
  })

  it("never adds to nor removes from a group that is not the plugin's", () => {
    expect(membershipChanges(["cusgroup_vip"], [], plugin)).toEqual({ add: [], remove: [] })
  })

  it("applied once, a second computation changes nothing (idempotent), whatever the mode, status, level and memberships", () => {
    const group = fc.constantFrom("cusgroup_all", "cusgroup_gold", "cusgroup_silver", "cusgroup_vip", "cusgroup_b2b")
    fc.assert(
      fc.property(
        fc.constantFrom(...DISTRIBUTOR_GROUP_MODES),
        fc.constantFrom(...DISTRIBUTOR_STATUSES),
        fc.constantFrom("dlvl_gold", "dlvl_silver", "dlvl_other", null),
        fc.uniqueArray(group),
        (mode, status, level_id, current) => {
          const target = distributorGroupsFor(mode, { status, level_id }, groups)
          const { add, remove } = membershipChanges(target, current, plugin)
          const after = [...current.filter((g) => !remove.includes(g)), ...add]
          expect(membershipChanges(target, after, plugin)).toEqual({ add: [], remove: [] })
          // The merchant's groups are exactly as they were.
          expect(after.filter((g) => !plugin.includes(g)).sort()).toEqual(current.filter((g) => !plugin.includes(g)).sort())
          // The plugin's groups it is in are exactly the target.
          expect(after.filter((g) => plugin.includes(g)).sort()).toEqual([...target].sort())
        }
      )
    )
  })
})
