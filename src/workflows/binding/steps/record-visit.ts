import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import { VisitSource } from "../../../modules/distribution/constants"
import DistributionModuleService from "../../../modules/distribution/service"

export type RecordVisitStepInput = {
  referral_code: string
  source: VisitSource
  landing_path?: string | null
  /** Whatever identifies the visitor (device id, or ip + user agent); hashed before storage. */
  visitor: string
}

export const recordVisitStepId = "record-distribution-visit"

/**
 * Counts a visit through a distributor's link, code or QR once per visitor and
 * day. Visits are statistics, never money: nothing to compensate.
 */
export const recordVisitStep = createStep(
  recordVisitStepId,
  async (input: RecordVisitStepInput, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const distributor = await service.retrieveDistributorByCode(input.referral_code)
    if (!distributor || distributor.status !== "active") {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `No active distributor has the referral code ${input.referral_code}`
      )
    }
    const recorded = await service.recordVisit({
      distributor_id: distributor.id,
      visitor_key: service.visitorKey(input.visitor),
      source: input.source,
      landing_path: input.landing_path ?? null,
    })
    return new StepResponse({
      recorded,
      referral_code: distributor.referral_code!,
      distributor_id: distributor.id,
    })
  }
)
