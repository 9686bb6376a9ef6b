import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { distributionService as service } from "../../../lib/distribution-service"
import { LevelInput } from "./level-input"

/** Creates a level; the first level of the programme becomes the default. */
export const createLevelStep = createStep(
  "create-distribution-level",
  async (input: LevelInput, { container }) => {
    const svc = service(container)
    const [, count] = await svc.listAndCountDistributionLevels({}, { take: 1 })
    const { is_default, ...data } = input
    const level = await svc.createDistributionLevels({ ...data, is_default: false })
    if (is_default || count === 0) {
      await svc.setDefaultLevel(level.id)
    }
    return new StepResponse(await svc.retrieveDistributionLevel(level.id), level.id)
  },
  async (id, { container }) => {
    if (id) {
      await service(container).deleteDistributionLevels(id)
    }
  }
)
