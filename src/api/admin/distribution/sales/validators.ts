import { z } from "@medusajs/framework/zod"
import { SALE_COMMISSIONS, SALE_STATUSES } from "../../../../modules/distribution/constants"
import { isTimeZone } from "../../../../modules/distribution/utils/time-zone"
import { bps, currencyCode, oneOrMany, queryLimit, queryOffset } from "../../../utils/validators"

/** An instant with its offset ("2026-12-12T00:00:00+08:00" or "…Z"), in years PostgreSQL and the reports work with. */
export const instant = (name: string) =>
  z
    .string({ error: `${name} must be an ISO 8601 date-time with its offset, e.g. 2026-12-12T00:00:00+08:00` })
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/, {
      message: `${name} must be an ISO 8601 date-time with its offset, e.g. 2026-12-12T00:00:00+08:00`,
    })
    .refine((v) => !Number.isNaN(Date.parse(v)), { message: `${name} is not a real date-time` })
    .refine((v) => Number(v.slice(0, 4)) >= 2000 && Number(v.slice(0, 4)) <= 9999, { message: `${name} must be in the years 2000 to 9999` })

const id = z.string().trim().min(1).max(100)

/** A sale price: a decimal string in the currency's major unit ("99.90"). */
export const SalePriceInput = z
  .object({
    variant_id: id,
    currency_code: currencyCode,
    amount: z
      .string({ error: "amount must be a decimal string such as \"99.90\"" })
      .regex(/^\d{1,12}(\.\d{1,3})?$/, { message: "amount must be a decimal string such as \"99.90\" (at most 12 digits before the point)" }),
  })
  .strict()

const percentOff = z
  .number({ error: "percent_off_bps must be a number of basis points, e.g. 2000 for 20 % off" })
  .int("percent_off_bps must be a whole number of basis points")
  .min(1, "percent_off_bps must be at least 1 (0.01 % off)")
  .max(9999, "percent_off_bps must be below 10000 (100 % off)")

const policy = {
  commission_policy: z.enum(SALE_COMMISSIONS).optional(),
  rate_bps_1: bps.nullable().optional(),
  rate_bps_2: bps.nullable().optional(),
  rate_bps_3: bps.nullable().optional(),
}

const fields = {
  name: z.string().trim().min(1, "name is required").max(200),
  description: z.string().max(2000).optional(),
  starts_at: instant("starts_at").optional(),
  ends_at: instant("ends_at"),
  time_zone: z
    .string()
    .trim()
    .max(64)
    .refine(isTimeZone, { message: "time_zone must be an IANA time zone, e.g. Asia/Shanghai or UTC" })
    .optional(),
  product_ids: z.array(id).max(200).optional(),
  variant_ids: z.array(id).max(1000).optional(),
  percent_off_bps: percentOff.optional(),
  prices: z.array(SalePriceInput).min(1).max(2000).optional(),
  ...policy,
}

type Shape = {
  percent_off_bps?: number
  prices?: unknown[]
  product_ids?: string[]
  variant_ids?: string[]
  commission_policy?: string
  rate_bps_1?: number | null
}
const notBoth = (v: Shape) => !(v.percent_off_bps !== undefined && v.prices !== undefined)
const idsNeedPercent = (v: Shape) => v.percent_off_bps !== undefined || (v.product_ids === undefined && v.variant_ids === undefined)
const ratesNeedARate = (v: Shape) => v.commission_policy !== "rates" || v.rate_bps_1 != null
const MESSAGES = {
  notBoth: "Give either percent_off_bps (a percentage off the variants' prices) or prices (fixed sale prices), not both",
  idsNeedPercent: "product_ids and variant_ids go with percent_off_bps; fixed prices name their variants",
  rates: "A sale with its own rates needs rate_bps_1 (and may give rate_bps_2, rate_bps_3)",
}

export const AdminCreateSale = z
  .object(fields)
  .strict()
  .refine(notBoth, { message: MESSAGES.notBoth })
  .refine((v) => v.percent_off_bps !== undefined || v.prices !== undefined, {
    message: "A sale needs percent_off_bps (with product_ids or variant_ids) or prices",
  })
  .refine((v) => v.percent_off_bps === undefined || !!(v.product_ids?.length || v.variant_ids?.length), {
    message: "percent_off_bps needs product_ids or variant_ids: the variants to put on sale",
  })
  .refine(idsNeedPercent, { message: MESSAGES.idsNeedPercent })
  .refine(ratesNeedARate, { message: MESSAGES.rates })
export type AdminCreateSaleType = z.infer<typeof AdminCreateSale>

export const AdminUpdateSale = z
  .object({ ...fields, name: fields.name.optional(), ends_at: fields.ends_at.optional() })
  .strict()
  .refine(notBoth, { message: MESSAGES.notBoth })
  .refine(idsNeedPercent, { message: MESSAGES.idsNeedPercent })
  .refine(ratesNeedARate, { message: MESSAGES.rates })
export type AdminUpdateSaleType = z.infer<typeof AdminUpdateSale>

export const AdminEndSale = z.object({}).strict()

export const AdminListSales = z
  .object({
    limit: queryLimit({ default: 50, max: 500 }),
    offset: queryOffset,
    status: oneOrMany(z.enum(SALE_STATUSES)),
    q: z.string().trim().min(1).max(200).optional(),
    /** The sale of a Medusa price list (the price list page's widget asks). */
    price_list_id: oneOrMany(id),
  })
  .strict()
export type AdminListSalesType = z.infer<typeof AdminListSales>
