import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { programmeSettings } from "../../../lib/programme-settings"

export const getDistributionSettingsStepId = "get-distribution-settings"

/** Reads the programme's settings (creating the row from the defaults on first use), its currency resolved. */
export const getDistributionSettingsStep = createStep(
  getDistributionSettingsStepId,
  async (_: void, { container }) => {
    return new StepResponse(await programmeSettings(container))
  }
)
