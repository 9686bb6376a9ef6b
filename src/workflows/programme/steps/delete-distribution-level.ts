import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { distributionService as service } from "../../../lib/distribution-service"
import { DistributionLevelDTO } from "../../../modules/distribution/types"

/** Deletes a level (its distributors move to the default level). Runs last: nothing after it can fail. */
export const deleteLevelStep = createStep(
  "delete-distribution-level",
  async (id: string, { container }) => {
    const svc = service(container)
    const level: DistributionLevelDTO = await svc.retrieveDistributionLevel(id)
    const result = await svc.deleteLevel(id)
    return new StepResponse({ level, ...result })
  }
)
