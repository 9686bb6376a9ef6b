import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
import { ReversalFacts } from "../../../modules/distribution/utils/reversal"

export const applyReversalStep = createStep(
  "apply-commission-reversal",
  async (input: { order_id: string; reference: string; facts: ReversalFacts | null }, { container }) => {
    if (!input.facts) {
      return new StepResponse({ reversed: 0, clawed_back: 0 })
    }
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    return new StepResponse(
      await service.reverseOrderCommissions({ order_id: input.order_id, reference: input.reference, facts: input.facts })
    )
  }
)
