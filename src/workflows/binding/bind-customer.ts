import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  AuditActorType,
  BindingSource,
  DistributionEvents,
} from "../../modules/distribution/constants"
import { bindCustomerStep } from "./steps/bind-customer"
import { getDistributionSettingsStep } from "../programme/steps/get-distribution-settings"
import { loadCustomerFactsStep } from "../distributor/steps/load-customer-facts"
import { recordAuditStep } from "../audit/record-audit-step"

export type BindCustomerWorkflowInput = {
  customer_id: string
  referral_code?: string | null
  distributor_id?: string | null
  source: BindingSource
  /** Set when an admin binds: the binding is forced and audited. */
  admin_id?: string | null
}

/**
 * Binds a buyer to the distributor it arrived through, per the binding mode,
 * window and new-customers-only rule; never to itself or its own downline.
 * Safe to repeat: a touch that changes nothing says so and writes nothing.
 */
export const bindCustomerWorkflow = createWorkflow(
  "bind-customer-to-distributor",
  (input: BindCustomerWorkflowInput) => {
    const settings = getDistributionSettingsStep()
    const facts = loadCustomerFactsStep(
      transform({ input, settings }, ({ input, settings }) => ({
        customer_id: input.customer_id,
        currency_code: settings.currency_code,
      }))
    )
    const result = bindCustomerStep(
      transform({ input, settings, facts }, ({ input, settings, facts }) => ({
        customer_id: input.customer_id,
        referral_code: input.referral_code ?? null,
        distributor_id: input.distributor_id ?? null,
        source: input.source,
        settings,
        bound_by: input.admin_id ?? null,
        force: !!input.admin_id,
        has_previous_order: facts.order_count > 0,
      }))
    )
    recordAuditStep(
      transform({ input, result }, ({ input, result }) =>
        input.admin_id && result.changed && result.binding
          ? [
              {
                actor_type: AuditActorType.ADMIN,
                actor_id: input.admin_id,
                action: "binding.set",
                entity_type: "referral_binding",
                entity_id: result.binding.id,
                data: {
                  customer_id: input.customer_id,
                  distributor_id: result.binding.distributor_id,
                },
              },
            ]
          : []
      )
    )
    when("binding-changed", { result }, ({ result }) => result.changed).then(() => {
      emitEventStep({
        eventName: DistributionEvents.BINDING_CREATED,
        data: transform({ result }, ({ result }) => ({
          id: result.binding!.id,
          customer_id: result.binding!.customer_id,
          distributor_id: result.binding!.distributor_id,
          source: result.binding!.source,
          expires_at: result.binding!.expires_at,
        })),
      })
    })
    return new WorkflowResponse(result)
  }
)
