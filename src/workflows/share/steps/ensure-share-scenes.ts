import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
import { ShareTargetInput } from "../../../modules/distribution/utils/share"

export type EnsureShareScenesStepInput = { distributor_id: string; targets: ShareTargetInput[] }

export const ensureShareScenesStepId = "ensure-distribution-share-scenes"

/**
 * Makes the share tokens a distributor's targets lack. A token, once made, is
 * reused by every later share of the same target (a printed code keeps
 * working), so there is nothing to compensate: a token nobody printed costs a
 * row and harms nothing.
 */
export const ensureShareScenesStep = createStep(ensureShareScenesStepId, async (input: EnsureShareScenesStepInput, { container }) => {
  const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
  return new StepResponse(await service.ensureShareScenes(input.distributor_id, input.targets))
})
