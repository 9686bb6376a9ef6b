import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  ApplicationMode,
  AuditActorType,
  BindingSource,
  DistributionEvents,
  DistributorStatus,
} from "../../modules/distribution/constants"
import { ApplicationData } from "../../modules/distribution/types"
import { bindCustomerStep } from "../binding/steps/bind-customer"
import { createDistributorStep } from "./steps/create-distributor"
import { getDistributionSettingsStep } from "../programme/steps/get-distribution-settings"
import { loadCustomerFactsStep } from "./steps/load-customer-facts"
import { recordAuditStep } from "../audit/record-audit-step"

export type ApplyForDistributionWorkflowInput = {
  customer_id: string
  application?: ApplicationData | null
  /** A code the applicant was invited with; binds it first (per the binding rules). */
  referral_code?: string | null
}

/**
 * A logged-in customer applies to the programme. Pending, or active at once
 * where the application mode allows; the applicant's valid binding becomes its
 * parent. One distributor per customer (unique index): a repeat is a CONFLICT
 * and changes nothing; a rejected applicant may apply again.
 */
export const applyForDistributionWorkflow = createWorkflow(
  "apply-for-distribution",
  (input: ApplyForDistributionWorkflowInput) => {
    const settings = getDistributionSettingsStep()
    const facts = loadCustomerFactsStep(
      transform({ input, settings }, ({ input, settings }) => ({
        customer_id: input.customer_id,
        currency_code: settings.currency_code,
        with_spend: settings.application_mode === ApplicationMode.MIN_SPEND,
      }))
    )
    when("with-referral-code", { input }, ({ input }) => !!input.referral_code).then(() => {
      bindCustomerStep(
        transform({ input, settings, facts }, ({ input, settings, facts }) => ({
          customer_id: input.customer_id,
          referral_code: input.referral_code,
          source: BindingSource.CODE,
          settings,
          has_previous_order: facts.order_count > 0,
        }))
      )
    })
    const distributor = createDistributorStep(
      transform({ input, settings, facts }, ({ input, settings, facts }) => ({
        facts,
        settings,
        application: input.application ?? null,
      }))
    )
    recordAuditStep(
      transform({ input, distributor }, ({ input, distributor }) => [
        {
          actor_type: AuditActorType.CUSTOMER,
          actor_id: input.customer_id,
          action: "distributor.apply",
          entity_type: "distributor",
          entity_id: distributor.id,
          data: { status: distributor.status, parent_id: distributor.parent_id },
        },
      ])
    )
    emitEventStep({
      eventName: DistributionEvents.DISTRIBUTOR_APPLIED,
      data: transform({ distributor }, ({ distributor }) => ({
        id: distributor.id,
        customer_id: distributor.customer_id,
        status: distributor.status,
      })),
    }).config({ name: "emit-distributor-applied" })
    when("activated-at-once", { distributor }, ({ distributor }) => distributor.status === DistributorStatus.ACTIVE).then(
      () => {
        emitEventStep({
          eventName: DistributionEvents.DISTRIBUTOR_APPROVED,
          data: transform({ distributor }, ({ distributor }) => ({
            id: distributor.id,
            customer_id: distributor.customer_id,
            referral_code: distributor.referral_code,
            automatic: true,
          })),
        }).config({ name: "emit-distributor-approved-automatically" })
      }
    )
    return new WorkflowResponse(distributor)
  }
)
