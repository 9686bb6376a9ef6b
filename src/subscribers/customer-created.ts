import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { BindingSource, STORE_BINDING_SOURCES } from "../modules/distribution/constants"
import { bindCustomerWorkflow } from "../workflows"

/**
 * A storefront that registers a customer with `metadata.referral_code` (and
 * optionally `metadata.referral_source`) gets the new customer bound at once.
 */
export default async function bindOnRegistration({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  const customer = await container.resolve(Modules.CUSTOMER).retrieveCustomer(data.id)
  const code = customer.metadata?.referral_code
  if (typeof code !== "string" || !code) {
    return
  }
  const claimed = customer.metadata?.referral_source as BindingSource
  const source = STORE_BINDING_SOURCES.includes(claimed as (typeof STORE_BINDING_SOURCES)[number])
    ? claimed
    : BindingSource.CODE
  const { result, errors } = await bindCustomerWorkflow(container).run({
    input: { customer_id: customer.id, referral_code: code, source },
    throwOnError: false,
  })
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  if (errors.length) {
    logger.warn(`distribution: customer ${customer.id} not bound to ${code}: ${errors[0].error?.message}`)
  } else if (result.changed) {
    logger.info(`distribution: bound customer ${customer.id} to ${code} on registration`)
  }
}

export const config: SubscriberConfig = {
  event: "customer.created",
  context: { subscriberId: "distribution-bind-on-registration" },
}
