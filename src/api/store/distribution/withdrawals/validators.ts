import { z } from "@medusajs/framework/zod"
import { WITHDRAWAL_METHODS, WITHDRAWAL_STATUSES } from "../../../../modules/distribution/constants"
import { currencyCode, oneOrMany, queryLimit, queryOffset } from "../../../utils/validators"

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
      currency_code: currencyCode.optional(),
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
    status: oneOrMany(z.enum(WITHDRAWAL_STATUSES)),
    limit: queryLimit({ default: 20, max: 100 }),
    offset: queryOffset,
  })
  .strict()
export type StoreListWithdrawalsType = z.infer<typeof StoreListWithdrawals>
