import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { distributionService as service } from "../../../lib/distribution-service"
import { LevelInput } from "./level-input"

/** Updates a level; the compensation writes the previous values back. */
export const updateLevelStep = createStep(
  "update-distribution-level",
  async (input: Partial<LevelInput> & { id: string }, { container }) => {
    const svc = service(container)
    const previous = await svc.retrieveDistributionLevel(input.id)
    const { is_default, ...data } = input
    await svc.updateDistributionLevels(data)
    if (is_default && !previous.is_default) {
      await svc.setDefaultLevel(input.id)
    }
    return new StepResponse(await svc.retrieveDistributionLevel(input.id), previous)
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const svc = service(container)
    const { id, name, description, rank, rate_bps_1, rate_bps_2, rate_bps_3 } = previous
    await svc.updateDistributionLevels({
      id,
      name,
      description,
      rank,
      rate_bps_1,
      rate_bps_2,
      rate_bps_3,
      upgrade_personal_sales: previous.upgrade_personal_sales,
      upgrade_team_sales: previous.upgrade_team_sales,
      upgrade_direct_recruits: previous.upgrade_direct_recruits,
      upgrade_orders: previous.upgrade_orders,
    })
    if (previous.is_default) {
      await svc.setDefaultLevel(id)
    }
  }
)
