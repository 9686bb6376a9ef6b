import { z } from "@medusajs/framework/zod"
import { FLASH_SALE_STATUSES, RESERVATION_STATUSES, SALE_COMMISSIONS } from "../../../../modules/distribution/constants"
import { slotsRefusal } from "../../../../modules/distribution/utils/flash-sale"
import { isTimeZone } from "../../../../modules/distribution/utils/time-zone"
import { bps, currencyCode, oneOrMany, queryLimit, queryOffset } from "../../../utils/validators"

const id = z.string().trim().min(1).max(100)

const day = (name: string) =>
  z
    .string({ error: `${name} must be a date YYYY-MM-DD` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: `${name} must be a date YYYY-MM-DD` })
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v, {
      message: `${name} is not a real date`,
    })
    .refine((v) => Number(v.slice(0, 4)) >= 2000 && Number(v.slice(0, 4)) <= 9999, { message: `${name} must be in the years 2000 to 9999` })

const Slot = z
  .object({
    start: z.string().regex(/^\d{2}:\d{2}$/, { message: 'a slot\'s start must be a time "HH:MM"' }),
    end: z.string().regex(/^\d{2}:\d{2}$/, { message: 'a slot\'s end must be a time "HH:MM"' }),
  })
  .strict()

const slots = z
  .array(Slot)
  .min(1, "a flash sale needs at least one daily slot")
  .max(24)
  .superRefine((value, ctx) => {
    const refusal = slotsRefusal(value)
    if (refusal) ctx.addIssue({ code: "custom", message: refusal })
  })

const FlashPrice = z
  .object({
    currency_code: currencyCode,
    amount: z
      .string({ error: 'amount must be a decimal string such as "59.90"' })
      .regex(/^\d{1,12}(\.\d{1,3})?$/, { message: 'amount must be a decimal string such as "59.90" (at most 12 digits before the point)' }),
  })
  .strict()

const FlashVariant = z
  .object({
    variant_id: id,
    quota: z.number({ error: "quota must be a number" }).int("quota must be a whole number").min(1, "quota must be at least 1").max(1_000_000),
    prices: z.array(FlashPrice).min(1, "each variant needs a price").max(50),
  })
  .strict()

const limit = (name: string) => z.number({ error: `${name} must be a number` }).int(`${name} must be a whole number`).min(1, `${name} must be at least 1`).max(10_000)

const fields = {
  name: z.string().trim().min(1, "name is required").max(200),
  starts_on: day("starts_on"),
  ends_on: day("ends_on"),
  time_zone: z.string().trim().max(64).refine(isTimeZone, { message: "time_zone must be an IANA time zone, e.g. Asia/Shanghai or UTC" }),
  slots,
  per_order_limit: limit("per_order_limit").optional(),
  per_customer_limit: limit("per_customer_limit").nullable().optional(),
  reservation_minutes: z.number().int().min(1, "reservation_minutes must be at least 1").max(1440, "reservation_minutes must be at most 1440").optional(),
  allow_coupons: z.boolean().optional(),
  commission_policy: z.enum(SALE_COMMISSIONS).optional(),
  rate_bps_1: bps.nullable().optional(),
  rate_bps_2: bps.nullable().optional(),
  rate_bps_3: bps.nullable().optional(),
  variants: z.array(FlashVariant).min(1, "a flash sale needs at least one variant").max(200),
}

const datesInOrder = (v: { starts_on?: string; ends_on?: string }) => !v.starts_on || !v.ends_on || v.starts_on <= v.ends_on
const datesMessage = { message: "ends_on is before starts_on", path: ["ends_on"] }

export const AdminCreateFlashSale = z.object(fields).strict().refine(datesInOrder, datesMessage)
export type AdminCreateFlashSaleType = z.infer<typeof AdminCreateFlashSale>

export const AdminUpdateFlashSale = z
  .object(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, (v as z.ZodTypeAny).optional()])) as {
    [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]>
  })
  .strict()
  .refine(datesInOrder, datesMessage)
export type AdminUpdateFlashSaleType = z.infer<typeof AdminUpdateFlashSale>

export const AdminCloseFlashSale = z.object({}).strict()

export const AdminListFlashSales = z
  .object({
    status: oneOrMany(z.enum(FLASH_SALE_STATUSES)),
    q: z.string().trim().max(200).optional(),
    limit: queryLimit({ default: 20, max: 100 }),
    offset: queryOffset,
  })
  .strict()
export type AdminListFlashSalesType = z.infer<typeof AdminListFlashSales>

export const AdminListFlashSaleReservations = z
  .object({
    status: oneOrMany(z.enum(RESERVATION_STATUSES)),
    limit: queryLimit({ default: 20, max: 100 }),
    offset: queryOffset,
  })
  .strict()
export type AdminListFlashSaleReservationsType = z.infer<typeof AdminListFlashSaleReservations>
