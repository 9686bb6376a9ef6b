import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { NewCommission } from "../../../modules/distribution/types"
import { applyCommissionAdjustment, CommissionAdjustment } from "../../../modules/distribution/utils/order-commissions"

export const applyCommissionAdjustmentStepId = "apply-commission-adjustment"

/** The computed rows as the `commissionsComputed` hook's handler answered them (refused, with the reason, when it answers what may not be paid). */
export const applyCommissionAdjustmentStep = createStep(
  applyCommissionAdjustmentStepId,
  async (input: { rows: NewCommission[]; adjustment?: CommissionAdjustment | null }) =>
    new StepResponse(applyCommissionAdjustment(input.rows, input.adjustment))
)
