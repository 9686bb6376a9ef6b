import { z } from "@medusajs/framework/zod"
import {
  COMMISSION_STATUSES,
  DISTRIBUTOR_STATUSES,
  MAX_COMMISSION_DEPTH,
  STORE_BINDING_SOURCES,
  VISIT_SOURCES,
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
    status: z
      .union([z.enum(DISTRIBUTOR_STATUSES), z.array(z.enum(DISTRIBUTOR_STATUSES))])
      .optional()
      .transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v])),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type StoreGetTeamType = z.infer<typeof StoreGetTeam>

export const StoreListCommissions = z
  .object({
    status: z
      .union([z.enum(COMMISSION_STATUSES), z.array(z.enum(COMMISSION_STATUSES))])
      .optional()
      .transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v])),
    depth: z.coerce.number().int().min(1).max(MAX_COMMISSION_DEPTH).optional(),
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type StoreListCommissionsType = z.infer<typeof StoreListCommissions>

export const StoreListOrders = z
  .object({
    limit: z.coerce.number().int().min(1).max(50).default(10),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type StoreListOrdersType = z.infer<typeof StoreListOrders>
