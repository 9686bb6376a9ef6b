import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AuditActorType, DistributionEvents } from "../../modules/distribution/constants"
import { DistributionSettingsInput } from "../../modules/distribution/types"
import { recordAuditStep } from "../audit/record-audit-step"
import { validateCouponTemplateStep } from "../coupon/steps/validate-coupon-template"
import { updateSettingsStep } from "./steps/update-settings"

export type UpdateDistributionSettingsWorkflowInput = {
  settings: Partial<DistributionSettingsInput>
  actor_id?: string | null
}

/**
 * Updates the programme's settings. Validated whoever calls it (max_depth is
 * never more than 3; a coupon template is a promotion of the store); audited
 * with the values before and after.
 */
export const updateDistributionSettingsWorkflow = createWorkflow(
  "update-distribution-settings",
  (input: UpdateDistributionSettingsWorkflowInput) => {
    validateCouponTemplateStep(
      transform({ input }, ({ input }) => ({ coupon_template_promotion_id: input.settings.coupon_template_promotion_id }))
    )
    const result = updateSettingsStep(transform({ input }, ({ input }) => input.settings))
    recordAuditStep(
      transform({ input, result }, ({ input, result }) => [
        {
          actor_type: AuditActorType.ADMIN,
          actor_id: input.actor_id ?? null,
          action: "settings.update",
          entity_type: "distribution_settings",
          entity_id: result.after.id,
          data: {
            changes: Object.fromEntries(
              Object.keys(input.settings).map((k) => [
                k,
                {
                  from: result.before[k as keyof typeof result.before],
                  to: result.after[k as keyof typeof result.after],
                },
              ])
            ),
          },
        },
      ])
    )
    emitEventStep({
      eventName: DistributionEvents.SETTINGS_UPDATED,
      data: transform({ input }, ({ input }) => ({ fields: Object.keys(input.settings) })),
    })
    return new WorkflowResponse(transform({ result }, ({ result }) => result.after))
  }
)
