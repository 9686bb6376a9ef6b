import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { applyMemberships, MembershipResult, syncDistributorMembership } from "../../../lib/distributor-groups"

export const syncDistributorCustomerGroupsStepId = "sync-distributor-customer-groups"

/**
 * Brings one distributor's customer to the membership rule (the plugin's
 * groups made first when the mode needs them). Reads the distributor as it is
 * now, so a replayed or late event changes nothing. The compensation undoes
 * the memberships it changed.
 */
export const syncDistributorCustomerGroupsStep = createStep(
  syncDistributorCustomerGroupsStepId,
  async (input: { distributor_id: string }, { container }) => {
    const result = await syncDistributorMembership(container, input.distributor_id)
    return new StepResponse(result, { added: result.added, removed: result.removed } as MembershipResult)
  },
  async (changes, { container }) => {
    if (!changes) {
      return
    }
    await applyMemberships(container, { added: changes.removed, removed: changes.added })
  }
)
