import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import { DistributorStatus } from "../../../modules/distribution/constants"
import DistributionModuleService from "../../../modules/distribution/service"
import {
  ApplicationData,
  DistributionSettingsDTO,
  DistributorDTO,
} from "../../../modules/distribution/types"
import { decideApplication } from "../../../modules/distribution/utils/application"
import { CustomerFacts } from "./load-customer-facts"

export type CreateDistributorStepInput = {
  facts: CustomerFacts
  settings: DistributionSettingsDTO
  application: ApplicationData | null
}

type Undo =
  | { kind: "created"; id: string }
  | { kind: "reapplied"; previous: DistributorDTO }

export const createDistributorStepId = "create-distributor-from-application"

/**
 * Admits an application under the programme's mode: a new distributor placed
 * under the applicant's valid binding, or a rejected applicant applying again.
 * The compensation removes the new leaf, or restores the rejected row exactly.
 */
export const createDistributorStep = createStep(
  createDistributorStepId,
  async (input: CreateDistributorStepInput, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const { facts, settings } = input
    if (!settings.enabled) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "The distribution programme is closed to new applications"
      )
    }
    const existing = await service.retrieveDistributorByCustomer(facts.customer_id)
    if (existing && existing.status !== DistributorStatus.REJECTED) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `You have already applied to the distribution programme (status: ${existing.status})`
      )
    }
    const binding = await service.getValidBinding(facts.customer_id)
    const parentId = existing ? existing.parent_id : binding?.distributor_id ?? null
    const decision = decideApplication({
      mode: settings.application_mode,
      order_count: facts.order_count,
      total_spent: facts.total_spent,
      min_spend: settings.application_min_spend,
      invited: !!parentId,
    })
    if (!decision.allowed) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, decision.reason)
    }
    const status = decision.status as "pending" | "active"
    if (existing) {
      const { previous, distributor } = await service.reapplyDistributor(existing.id, {
        status,
        application: input.application,
      })
      return new StepResponse(distributor, { kind: "reapplied", previous } as Undo)
    }
    const distributor = await service.createDistributor({
      customer_id: facts.customer_id,
      email: facts.email,
      display_name: facts.display_name,
      parent_id: parentId,
      status,
      application: input.application,
    })
    return new StepResponse(distributor, { kind: "created", id: distributor.id } as Undo)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    if (undo.kind === "created") {
      await service.removeLeafDistributor(undo.id)
    } else {
      await service.restoreDistributorState(undo.previous)
    }
  }
)
