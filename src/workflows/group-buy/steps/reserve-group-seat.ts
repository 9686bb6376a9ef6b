import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import DistributionModuleService from "../../../modules/distribution/service"

export type ReserveGroupSeatInput = {
  group_buy_id: string
  customer_id: string
  variant_id: string
  quantity: number
  group_id?: string | null
  region_id?: string | null
}

/**
 * Resolves where the buyer buys (the region given, else the store's default
 * one, and its currency) and reserves the seat (see reserveGroupSeat). The
 * compensation releases the seat: a checkout whose cart could not be made
 * holds nothing.
 */
export const reserveGroupSeatStep = createStep(
  "reserve-distribution-group-seat",
  async (input: ReserveGroupSeatInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    let filters: Record<string, unknown> | null = input.region_id ? { id: input.region_id } : null
    if (!filters) {
      // The store's default region, else a region of its default currency.
      const [store] = await container.resolve(Modules.STORE).listStores({}, { relations: ["supported_currencies"] })
      const currency = store?.supported_currencies?.find((c) => c.is_default)?.currency_code
      filters = store?.default_region_id ? { id: store.default_region_id } : currency ? { currency_code: currency } : null
    }
    const { data: regions } = filters
      ? await query.graph({ entity: "region", fields: ["id", "currency_code"], filters, pagination: { take: 1, order: { created_at: "ASC" } } })
      : { data: [] }
    if (!regions.length) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        input.region_id ? `Region ${input.region_id} was not found` : "Give a region_id: the store has no default region"
      )
    }
    const { data: customers } = await query.graph({ entity: "customer", fields: ["id", "email"], filters: { id: input.customer_id } })
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const reserved = await service.reserveGroupSeat({
      group_buy_id: input.group_buy_id,
      customer_id: input.customer_id,
      variant_id: input.variant_id,
      quantity: input.quantity,
      currency_code: regions[0].currency_code,
      group_id: input.group_id,
      now: new Date(),
    })
    return new StepResponse(
      { ...reserved, region_id: regions[0].id as string, email: (customers[0]?.email as string | undefined) ?? null },
      reserved.member.id
    )
  },
  async (memberId, { container }) => {
    if (memberId) {
      const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
      await service.releaseGroupSeats({ member_ids: [memberId], now: new Date() })
    }
  }
)

export const attachGroupCartStep = createStep(
  "attach-distribution-group-cart",
  async (input: { member_id: string; cart_id: string }, { container }) => {
    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    await service.attachGroupMemberCart(input)
    return new StepResponse(input)
  }
)
