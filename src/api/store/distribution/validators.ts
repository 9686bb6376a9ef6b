import { z } from "@medusajs/framework/zod"
import { queryDate, queryOffset } from "../../utils/bounds"
import {
  COMMISSION_STATUSES,
  DISTRIBUTOR_STATUSES,
  MAX_COMMISSION_DEPTH,
  STORE_BINDING_SOURCES,
  VISIT_SOURCES,
  WITHDRAWAL_METHODS,
  WITHDRAWAL_STATUSES,
} from "../../../modules/distribution/constants"
import { normalizeReferralCode } from "../../../modules/distribution/utils/referral-code"

export const referralCode = z
  .string({ error: "referral_code is required" })
  .transform((value, ctx) => {
    const code = normalizeReferralCode(value)
    if (!code) {
      ctx.addIssue({
        code: "custom",
        message: "referral_code is not a valid referral code",
      })
      return z.NEVER
    }
    return code
  })

/** `?status=a` or `?status=a&status=b`: always an array (or nothing). */
const oneOrMany = <T extends string>(values: readonly T[]) =>
  z
    .union([z.enum(values as [T, ...T[]]), z.array(z.enum(values as [T, ...T[]]))])
    .optional()
    .transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]))

const optionalText = (max: number) => z.string().trim().max(max).optional().nullable()

export const StoreApplyForDistribution = z
  .object({
    name: optionalText(100),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ()-]{5,20}$/, "phone must be a phone number")
      .optional()
      .nullable(),
    reason: optionalText(1000),
    referral_code: referralCode.optional().nullable(),
  })
  .strict()
export type StoreApplyForDistributionType = z.infer<typeof StoreApplyForDistribution>

export const StoreBindDistributor = z
  .object({
    referral_code: referralCode,
    source: z.enum(STORE_BINDING_SOURCES).default("link"),
  })
  .strict()
export type StoreBindDistributorType = z.infer<typeof StoreBindDistributor>

export const StoreRecordVisit = z
  .object({
    referral_code: referralCode,
    source: z.enum(VISIT_SOURCES as [string, ...string[]]).default("link"),
    landing_path: z.string().max(2048).optional().nullable(),
    /** A stable anonymous id the storefront keeps (cookie, device id); hashed before storage. */
    visitor_id: z.string().min(8).max(200).optional(),
  })
  .strict()
export type StoreRecordVisitType = z.infer<typeof StoreRecordVisit>

export const StoreGetTeam = z
  .object({
    depth: z.coerce.number().int().min(1).max(MAX_COMMISSION_DEPTH).default(1),
    status: oneOrMany(DISTRIBUTOR_STATUSES),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: queryOffset,
  })
  .strict()
export type StoreGetTeamType = z.infer<typeof StoreGetTeam>

export const StoreListCommissions = z
  .object({
    status: oneOrMany(COMMISSION_STATUSES),
    depth: z.coerce.number().int().min(1).max(MAX_COMMISSION_DEPTH).optional(),
    from: queryDate("from").optional(),
    to: queryDate("to").optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: queryOffset,
  })
  .strict()
export type StoreListCommissionsType = z.infer<typeof StoreListCommissions>

export const StoreListOrders = z
  .object({
    limit: z.coerce.number().int().min(1).max(50).default(10),
    offset: queryOffset,
  })
  .strict()
export type StoreListOrdersType = z.infer<typeof StoreListOrders>

/** A positive amount in the currency's major unit, as a number or a decimal string; kept exact. */
export const positiveAmount = z
  .union([z.number(), z.string()], { error: "amount is required: a positive number such as 100 or \"100.50\"" })
  .transform((v, ctx) => {
    const s = typeof v === "number" ? String(v) : v.trim()
    if (!/^\d{1,10}(\.\d{1,3})?$/.test(s) || !/[1-9]/.test(s)) {
      ctx.addIssue({ code: "custom", message: "amount must be a positive number with at most three decimals, such as 100 or \"100.50\"" })
      return z.NEVER
    }
    return s
  })

const name = (field: string) =>
  z.string({ error: `${field} is required` }).trim().min(1, `${field} is required`).max(100)

/** The payout account each method needs; validated here, encrypted before anything stores it. */
export const PayoutAccountByMethod = {
  bank: z
    .object({
      holder_name: name("account.holder_name"),
      bank_name: name("account.bank_name"),
      account_number: z
        .string({ error: "account.account_number is required" })
        .transform((s) => s.replace(/[\s-]/g, ""))
        .pipe(z.string().regex(/^\d{8,30}$/, "account.account_number must be 8 to 30 digits")),
      branch: z.string().trim().max(200).optional().nullable(),
    })
    .strict(),
  alipay: z
    .object({
      account: z
        .string({ error: "account.account is required: the Alipay phone number or e-mail" })
        .trim()
        .refine((s) => /^1[3-9]\d{9}$/.test(s) || z.email().safeParse(s).success, "account.account must be the Alipay phone number (11 digits) or e-mail"),
      real_name: name("account.real_name"),
    })
    .strict(),
  wechat: z
    .object({
      account: z
        .string({ error: "account.account is required: the WeChat ID or phone number" })
        .trim()
        .regex(/^[A-Za-z0-9_-]{5,64}$/, "account.account must be a WeChat ID or phone number (5 to 64 letters, digits, _ or -)"),
      real_name: name("account.real_name"),
    })
    .strict(),
  paypal: z.object({ email: z.email("account.email must be the PayPal e-mail address") }).strict(),
  manual: z.object({ details: z.string().trim().min(1, "account.details is required").max(500) }).strict(),
} as const

const withdrawalRequest = <M extends keyof typeof PayoutAccountByMethod>(method: M) =>
  z
    .object({
      method: z.literal(method),
      amount: positiveAmount,
      currency_code: z
        .string()
        .regex(/^[a-zA-Z]{3}$/, "currency_code must be a three-letter ISO 4217 code")
        .transform((c) => c.toLowerCase())
        .optional(),
      account: PayoutAccountByMethod[method],
      note: z.string().trim().max(500).optional().nullable(),
      idempotency_key: z.string().min(8).max(100).optional(),
    })
    .strict()

export const StoreRequestWithdrawal = z.discriminatedUnion(
  "method",
  [
    withdrawalRequest("bank"),
    withdrawalRequest("alipay"),
    withdrawalRequest("wechat"),
    withdrawalRequest("paypal"),
    withdrawalRequest("manual"),
  ],
  { error: `method must be one of ${WITHDRAWAL_METHODS.join(", ")}` }
)
export type StoreRequestWithdrawalType = z.infer<typeof StoreRequestWithdrawal>

export const StoreListWithdrawals = z
  .object({
    status: oneOrMany(WITHDRAWAL_STATUSES),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: queryOffset,
  })
  .strict()
export type StoreListWithdrawalsType = z.infer<typeof StoreListWithdrawals>
