import { z } from "@medusajs/framework/zod"
import { GROUP_BUY_STATUSES, GROUP_OVERFLOWS, GROUP_STATUSES, SALE_COMMISSIONS } from "../../../../modules/distribution/constants"
import { bps, oneOrMany, queryLimit, queryOffset } from "../../../utils/validators"
import { instant, SalePriceInput } from "../sales/validators"

const positive = (name: string, max: number) =>
  z
    .number({ error: `${name} must be a number` })
    .int(`${name} must be a whole number`)
    .min(1, `${name} must be at least 1`)
    .max(max, `${name} must be at most ${max}`)

const fields = {
  name: z.string().trim().min(1, "name is required").max(200),
  starts_at: instant("starts_at").transform((v) => new Date(v)),
  ends_at: instant("ends_at").transform((v) => new Date(v)),
  group_size: positive("group_size", 100).min(2, "group_size must be at least 2 (a group of one is no group)"),
  time_limit_minutes: positive("time_limit_minutes", 60 * 24 * 30),
  reservation_minutes: positive("reservation_minutes", 24 * 60).optional(),
  per_order_limit: positive("per_order_limit", 10_000).nullable().optional(),
  per_customer_limit: positive("per_customer_limit", 100_000).nullable().optional(),
  virtual_threshold: positive("virtual_threshold", 100).nullable().optional(),
  overflow: z.enum(GROUP_OVERFLOWS).optional(),
  commission_policy: z.enum(SALE_COMMISSIONS).optional(),
  rate_bps_1: bps.nullable().optional(),
  rate_bps_2: bps.nullable().optional(),
  rate_bps_3: bps.nullable().optional(),
  leader_bonus_bps: bps.nullable().optional(),
  prices: z.array(SalePriceInput).min(1, "prices needs at least one group price").max(2000),
}

const ratesNeedARate = (v: { commission_policy?: string; rate_bps_1?: number | null }) => v.commission_policy !== "rates" || v.rate_bps_1 != null
const RATES = "A group buy with its own rates needs rate_bps_1 (and may give rate_bps_2, rate_bps_3)"

export const AdminCreateGroupBuy = z.object(fields).strict().refine(ratesNeedARate, { message: RATES })
export type AdminCreateGroupBuyType = z.infer<typeof AdminCreateGroupBuy>

export const AdminUpdateGroupBuy = z
  .object({
    ...fields,
    name: fields.name.optional(),
    starts_at: fields.starts_at.optional(),
    ends_at: fields.ends_at.optional(),
    group_size: fields.group_size.optional(),
    time_limit_minutes: fields.time_limit_minutes.optional(),
    prices: fields.prices.optional(),
  })
  .strict()
  .refine(ratesNeedARate, { message: RATES })
export type AdminUpdateGroupBuyType = z.infer<typeof AdminUpdateGroupBuy>

export const AdminEmptyBody = z.object({}).strict()

export const AdminListGroupBuys = z
  .object({ limit: queryLimit({ default: 50, max: 500 }), offset: queryOffset, status: oneOrMany(z.enum(GROUP_BUY_STATUSES)) })
  .strict()
export type AdminListGroupBuysType = z.infer<typeof AdminListGroupBuys>

export const AdminListGroups = z
  .object({
    limit: queryLimit({ default: 50, max: 500 }),
    offset: queryOffset,
    status: oneOrMany(z.enum(GROUP_STATUSES)),
    group_buy_id: oneOrMany(z.string().trim().min(1).max(100)),
    /** The group of an order (the order page's widget asks). */
    order_id: z.string().trim().min(1).max(100).optional(),
  })
  .strict()
export type AdminListGroupsType = z.infer<typeof AdminListGroups>
