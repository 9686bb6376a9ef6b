import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MathBN, MedusaError } from "@medusajs/framework/utils"
import { BigNumberValue } from "@medusajs/framework/types"

export type CustomerFacts = {
  customer_id: string
  email: string | null
  display_name: string | null
  /** Orders placed and not canceled. */
  order_count: number
  /** Their totals in `currency_code`, as a decimal string. */
  total_spent: string
}

export const loadCustomerFactsStepId = "load-distribution-customer-facts"

/**
 * What the programme's rules need to know about a customer: who it is, and what
 * it has bought (for the after-first-order and min-spend modes and for
 * new-customers-only binding). Read-only.
 */
export const loadCustomerFactsStep = createStep(
  loadCustomerFactsStepId,
  async (
    input: { customer_id: string; currency_code: string; with_spend?: boolean },
    { container }
  ) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [customer],
    } = await query.graph({
      entity: "customer",
      fields: ["id", "email", "first_name", "last_name"],
      filters: { id: input.customer_id },
    })
    if (!customer) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Customer ${input.customer_id} was not found`
      )
    }
    const { data: orders, metadata } = await query.graph({
      entity: "order",
      fields: input.with_spend ? ["id", "total", "currency_code"] : ["id"],
      filters: {
        customer_id: input.customer_id,
        status: { $ne: "canceled" },
        is_draft_order: false,
      },
      pagination: input.with_spend ? undefined : { skip: 0, take: 1 },
    })
    const totalSpent = input.with_spend
      ? orders
          .filter((o) => o.currency_code?.toLowerCase() === input.currency_code.toLowerCase())
          .reduce<BigNumberValue>((sum, o) => MathBN.add(sum, o.total ?? 0), MathBN.convert(0))
      : MathBN.convert(0)
    const name = [customer.first_name, customer.last_name].filter(Boolean).join(" ").trim()
    const facts: CustomerFacts = {
      customer_id: customer.id,
      email: customer.email ? customer.email.toLowerCase() : null,
      display_name: name || null,
      order_count: input.with_spend ? orders.length : metadata?.count ?? orders.length,
      total_spent: MathBN.convert(totalSpent).toString(),
    }
    return new StepResponse(facts)
  }
)
