import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { applyMemberships, ensurePluginGroups, MembershipResult, syncAllMemberships } from "../../../lib/distributor-groups"

export const syncAllCustomerGroupsStepId = "sync-all-distributor-customer-groups"

/** Up to this many changes are kept to be undone; a bigger sync is not undone but run again (it is idempotent). */
const UNDO_LIMIT = 5000

/**
 * Makes the groups the mode needs and brings every distributor's membership
 * to the rule, batch by batch. Returns the counts and the groups.
 */
export const syncAllCustomerGroupsStep = createStep(
  syncAllCustomerGroupsStepId,
  async (_: void, { container }) => {
    const { groups, created } = await ensurePluginGroups(container)
    const result = await syncAllMemberships(container, groups)
    const small = result.added.length + result.removed.length <= UNDO_LIMIT
    return new StepResponse(
      {
        mode: groups.mode,
        groups_created: created.length,
        distributors: result.distributors,
        added: result.added.length,
        removed: result.removed.length,
      },
      small ? ({ added: result.added, removed: result.removed } as MembershipResult) : null
    )
  },
  async (changes, { container }) => {
    if (!changes) {
      return
    }
    await applyMemberships(container, { added: changes.removed, removed: changes.added })
  }
)
