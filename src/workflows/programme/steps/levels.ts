import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"
import { DistributionLevelDTO } from "../../../modules/distribution/types"

export type LevelInput = {
  name: string
  description?: string | null
  rank: number
  rate_bps_1: number
  rate_bps_2: number
  rate_bps_3: number
  upgrade_personal_sales?: number | null
  upgrade_team_sales?: number | null
  upgrade_direct_recruits?: number | null
  upgrade_orders?: number | null
  is_default?: boolean
}

const service = (container: { resolve: (key: string) => unknown }) =>
  container.resolve(DISTRIBUTION_MODULE) as DistributionModuleService

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
