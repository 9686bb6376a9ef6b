import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE } from "../../../modules/distribution"
import { SaleCommission } from "../../../modules/distribution/constants"
import DistributionModuleService from "../../../modules/distribution/service"
import { DistributionSaleDTO, SaleReservation } from "../../../modules/distribution/types"
import { refusalError } from "../../../modules/distribution/utils/refusal"
import { SalePrice, saleStatus, windowRefusal } from "../../../modules/distribution/utils/sale"
import { resolveSalePrices, SalePricing } from "./sale-prices"

type SalePolicyFields = {
  commission_policy?: SaleCommission
  rate_bps_1?: number | null
  rate_bps_2?: number | null
  rate_bps_3?: number | null
}

export type CreateSaleInput = SalePolicyFields & {
  /** A percentage off the regular prices of these products' and variants' … */
  percent_off_bps?: number
  product_ids?: string[]
  variant_ids?: string[]
  /** … or fixed sale prices (one of the two). */
  prices?: { variant_id: string; currency_code: string; amount: string }[]
  name: string
  description?: string | null
  /** Absent: now. */
  starts_at?: Date | string | null
  ends_at: Date | string
  /** The zone the window is shown in (an IANA name); UTC when absent. */
  time_zone?: string
  actor_id?: string | null
}

export type UpdateSaleInput = SalePolicyFields & {
  id: string
  /** A new percentage off (of the sale's variants, or of these products and variants). */
  percent_off_bps?: number
  product_ids?: string[]
  variant_ids?: string[]
  /** New fixed prices: the sale's variants become theirs. */
  prices?: { variant_id: string; currency_code: string; amount: string }[]
  name?: string
  description?: string | null
  starts_at?: Date | string
  ends_at?: Date | string
  time_zone?: string
  actor_id?: string | null
}

export type PreparedSale = {
  reservation: SaleReservation
  description: string
  /** The sale prices to write (null: the prices do not change). */
  prices: SalePrice[] | null
  /** The price list's current prices, to replace (an update that changes them). */
  replaced_price_ids: string[]
  price_list_id: string | null
}

/** What distribution.sale.created and .updated carry: the sale, its price list, its window and its variants. */
export function saleEventData({ sale, prepared }: { sale: { id: string; price_list_id: string | null }; prepared: PreparedSale }) {
  return {
    id: sale.id,
    price_list_id: sale.price_list_id,
    starts_at: new Date(prepared.reservation.starts_at).toISOString(),
    ends_at: new Date(prepared.reservation.ends_at).toISOString(),
    variant_ids: prepared.reservation.variants.map((v) => v.variant_id),
  }
}

/** Rates mean something only under a "rates" policy: kept then (the given ones over the current), cleared otherwise. */
function policyOf(input: SalePolicyFields, current?: DistributionSaleDTO) {
  const commission_policy = input.commission_policy ?? current?.commission_policy ?? SaleCommission.NORMAL
  const rate = (k: "rate_bps_1" | "rate_bps_2" | "rate_bps_3") =>
    commission_policy === SaleCommission.RATES ? (input[k] !== undefined ? input[k] : current?.[k]) ?? null : null
  return { commission_policy, rate_bps_1: rate("rate_bps_1"), rate_bps_2: rate("rate_bps_2"), rate_bps_3: rate("rate_bps_3") }
}

/** Fixed prices when given, else a percentage off (the validators require one of the two). */
function pricingOf(input: CreateSaleInput): SalePricing {
  if (input.prices) {
    return { prices: input.prices }
  }
  if (input.percent_off_bps === undefined) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "A sale needs percent_off_bps (with product_ids or variant_ids) or prices")
  }
  return { percent_off_bps: input.percent_off_bps, product_ids: input.product_ids, variant_ids: input.variant_ids }
}

function window(starts_at: Date, ends_at: Date) {
  const refusal = windowRefusal({ starts_at, ends_at }, new Date())
  if (refusal) throw refusalError(refusal)
  return { starts_at, ends_at }
}

export const prepareSaleStepId = "prepare-distribution-sale"

/**
 * Validates a new sale or a change to one and works out what to write: the
 * window (ending in the future, after it starts), the variants and their sale
 * prices from Medusa's current prices (percent off) or as given, and the
 * policy. An ended sale cannot be changed (nor so started again). Reads only.
 */
export const prepareSaleStep = createStep(
  prepareSaleStepId,
  async (input: CreateSaleInput | UpdateSaleInput, { container }) => {
    if (!("id" in input)) {
      const { variants, prices } = await resolveSalePrices(container, pricingOf(input))
      return new StepResponse<PreparedSale>({
        reservation: {
          name: input.name,
          ...window(input.starts_at ? new Date(input.starts_at) : new Date(), new Date(input.ends_at)),
          time_zone: input.time_zone ?? "UTC",
          percent_off_bps: input.prices ? null : input.percent_off_bps ?? null,
          ...policyOf(input),
          variants,
        },
        description: input.description ?? "",
        prices,
        replaced_price_ids: [],
        price_list_id: null,
      })
    }

    const service: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)
    const [current] = await service.listDistributionSales({ id: input.id })
    if (!current) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Sale ${input.id} was not found`)
    }
    if (saleStatus(current, new Date()) === "ended") {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `The sale "${current.name}" ended at ${new Date(current.ends_at).toISOString()}: an ended sale cannot be changed or started again (create a new sale)`
      )
    }
    const repriced =
      input.percent_off_bps !== undefined
        ? await resolveSalePrices(container, {
            percent_off_bps: input.percent_off_bps,
            // Without new products or variants, the sale's own.
            ...(input.product_ids || input.variant_ids
              ? { product_ids: input.product_ids, variant_ids: input.variant_ids }
              : { variant_ids: (await service.listSaleVariants([current.id])).map((v) => v.variant_id) }),
          })
        : input.prices
          ? await resolveSalePrices(container, { prices: input.prices })
          : null
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const replaced_price_ids =
      repriced && current.price_list_id
        ? ((
            await query.graph({ entity: "price_list", fields: ["id", "prices.id"], filters: { id: current.price_list_id } })
          ).data[0]?.prices ?? [])
            .filter((p): p is NonNullable<typeof p> => !!p)
            .map((p) => p.id as string)
        : []
    return new StepResponse<PreparedSale>({
      reservation: {
        id: current.id,
        name: input.name ?? current.name,
        ...window(
          input.starts_at ? new Date(input.starts_at) : new Date(current.starts_at),
          input.ends_at ? new Date(input.ends_at) : new Date(current.ends_at)
        ),
        time_zone: input.time_zone ?? current.time_zone,
        percent_off_bps: input.percent_off_bps !== undefined ? input.percent_off_bps : input.prices ? null : current.percent_off_bps,
        ...policyOf(input, current),
        variants: repriced?.variants ?? (await service.listSaleVariants([current.id])).map(({ variant_id, product_id }) => ({ variant_id, product_id })),
      },
      description: input.description ?? "",
      prices: repriced?.prices ?? null,
      replaced_price_ids,
      price_list_id: current.price_list_id,
    })
  }
)
