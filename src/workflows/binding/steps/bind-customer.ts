import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import { BindingSource } from "../../../modules/distribution/constants"
import DistributionModuleService from "../../../modules/distribution/service"
import {
  DistributionSettingsDTO,
  ReferralBindingDTO,
} from "../../../modules/distribution/types"

export type BindCustomerStepInput = {
  customer_id: string
  /** Either the code the buyer arrived with or, for an admin, the distributor id. */
  referral_code?: string | null
  distributor_id?: string | null
  source: BindingSource
  settings: DistributionSettingsDTO
  bound_by?: string | null
  /** Admin: replace a valid binding whatever the binding mode. */
  force?: boolean
  /** True when the customer has placed an order before (bind_new_customers_only). */
  has_previous_order?: boolean
}

export type BindCustomerStepOutput = {
  binding: ReferralBindingDTO | null
  changed: boolean
  reason?: string
}

type Previous = { customer_id: string; before: ReferralBindingDTO | null; changed: boolean }

export const bindCustomerStepId = "bind-customer-to-distributor"

/**
 * Binds the buyer per the programme's rules. Its compensation puts the previous
 * binding back exactly (or removes a binding it created).
 */
export const bindCustomerStep = createStep(
  bindCustomerStepId,
  async (input: BindCustomerStepInput, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    let distributorId = input.distributor_id ?? null
    if (!distributorId) {
      const target = input.referral_code
        ? await service.retrieveDistributorByCode(input.referral_code)
        : null
      if (!target || target.status !== "active") {
        throw new MedusaError(
          MedusaError.Types.NOT_FOUND,
          `No active distributor has the referral code ${input.referral_code ?? ""}`.trim()
        )
      }
      distributorId = target.id
    }
    const [before] = await service.listReferralBindings({ customer_id: input.customer_id })
    if (!input.force && input.settings.bind_new_customers_only && input.has_previous_order) {
      const output: BindCustomerStepOutput = {
        binding: before ?? null,
        changed: false,
        reason: "not_a_new_customer",
      }
      return new StepResponse(output, { customer_id: input.customer_id, before: null, changed: false } as Previous)
    }
    const result = await service.bindCustomer({
      customer_id: input.customer_id,
      distributor_id: distributorId,
      source: input.source,
      bound_by: input.bound_by ?? null,
      binding_mode: input.settings.binding_mode,
      binding_days: input.settings.binding_days,
      force: input.force,
    })
    return new StepResponse(result as BindCustomerStepOutput, {
      customer_id: input.customer_id,
      before: before ?? null,
      changed: result.changed,
    } as Previous)
  },
  async (previous, { container }) => {
    if (!previous?.changed) {
      return
    }
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const [current] = await service.listReferralBindings({ customer_id: previous.customer_id })
    if (!current) {
      return
    }
    if (!previous.before) {
      await service.deleteReferralBindings(current.id)
      return
    }
    const { distributor_id, source, bound_at, expires_at, bound_by } = previous.before
    await service.updateReferralBindings({
      id: current.id,
      distributor_id,
      source,
      bound_at,
      expires_at,
      bound_by,
    })
  }
)
