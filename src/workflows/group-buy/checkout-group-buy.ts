import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createCartWorkflow } from "@medusajs/medusa/core-flows"
import { ACTIVITY_METADATA_KEY } from "../../modules/distribution/constants"
import { attachGroupCartStep, ReserveGroupSeatInput, reserveGroupSeatStep } from "./steps/reserve-group-seat"

export type CheckoutGroupBuyInput = ReserveGroupSeatInput & {
  sales_channel_id?: string | null
  /** The referral code the storefront carries (the group's share link brings the leader's). */
  referral_code?: string | null
}

/**
 * A logged-in buyer's 拼团 checkout: a seat reserved until the activity's
 * reservation deadline (in the group asked for, or a new group the buyer
 * leads), then a one-item Medusa cart at the group price, not discountable,
 * marked with the activity in its and its line's metadata. The storefront
 * runs Medusa's normal checkout on it; order.placed makes the seat paid. If
 * the cart cannot be made, the seat is released.
 */
export const checkoutGroupBuyWorkflow = createWorkflow("checkout-distribution-group-buy", (input: CheckoutGroupBuyInput) => {
  const reserved = reserveGroupSeatStep(input)
  const marker = transform({ reserved }, ({ reserved }) => ({
    kind: "group_buy",
    id: reserved.member.group_buy_id,
    group_id: reserved.group.id,
    reservation_id: reserved.member.id,
    expires_at: new Date(reserved.member.reservation_expires_at).toISOString(),
  }))
  const cart = createCartWorkflow.runAsStep({
    input: transform({ input, reserved, marker }, ({ input, reserved, marker }) => ({
      region_id: reserved.region_id,
      customer_id: input.customer_id,
      ...(reserved.email ? { email: reserved.email } : {}),
      ...(input.sales_channel_id ? { sales_channel_id: input.sales_channel_id } : {}),
      items: [
        {
          variant_id: reserved.member.variant_id,
          quantity: reserved.member.quantity,
          unit_price: Number(reserved.member.unit_price),
          is_discountable: false,
          metadata: { [ACTIVITY_METADATA_KEY]: marker },
        },
      ],
      metadata: { [ACTIVITY_METADATA_KEY]: marker, ...(input.referral_code ? { referral_code: input.referral_code } : {}) },
    })),
  })
  attachGroupCartStep(transform({ reserved, cart }, ({ reserved, cart }) => ({ member_id: reserved.member.id, cart_id: cart.id })))
  return new WorkflowResponse(
    transform({ reserved, cart }, ({ reserved, cart }) => ({
      cart_id: cart.id,
      group: reserved.group,
      member: reserved.member,
      overflowed: reserved.overflowed,
    }))
  )
})
