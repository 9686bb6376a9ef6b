import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"

export const claimSaleTransitionsStepId = "claim-distribution-sale-transitions"

type Transition = { id: string; price_list_id: string | null; starts_at: Date | string; ends_at: Date | string }

/** distribution.sale.started's payload. */
export const saleStartedEventData = (sale: Transition) => ({
  id: sale.id,
  price_list_id: sale.price_list_id,
  starts_at: new Date(sale.starts_at).toISOString(),
  ends_at: new Date(sale.ends_at).toISOString(),
})

/** distribution.sale.ended's payload: `early` when an admin ended it, else it reached its end. */
export const saleEndedEventData = (sale: Transition, early: boolean) => ({
  id: sale.id,
  price_list_id: sale.price_list_id,
  ends_at: new Date(sale.ends_at).toISOString(),
  early,
})

/**
 * Claims the sales' starts and ends due now, up to `limit` of each, for their
 * announcement (each once, whatever the number of instances running the job).
 * Compensation: gives the claims back, so that the next run announces them.
 */
export const claimSaleTransitionsStep = createStep(
  claimSaleTransitionsStepId,
  async (input: { limit: number }, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const now = new Date()
    const claimed = await service.claimSaleTransitions({ now, limit: input.limit })
    return new StepResponse(claimed, {
      started: claimed.started.map((s) => s.id),
      ended: claimed.ended.map((s) => s.id),
      claimed_at: now,
    })
  },
  async (claims, { container }) => {
    if (!claims) {
      return
    }
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    await service.releaseSaleTransitions({ ...claims, claimed_at: new Date(claims.claimed_at) })
  }
)
