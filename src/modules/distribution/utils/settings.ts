import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import {
  APPLICATION_MODES,
  ApplicationMode,
  BINDING_MODES,
  BindingMode,
  DISTRIBUTOR_GROUP_MODES,
  DistributorGroupMode,
  COUPON_ATTRIBUTIONS,
  COUPON_COMMISSIONS,
  COUPON_ISSUE_MODES,
  CouponAttribution,
  CouponCommission,
  CouponIssue,
  MAX_COMMISSION_DEPTH,
  SETTLE_ON_STATES,
  SettleOn,
  WITHDRAWAL_METHODS,
  WithdrawalMethod,
} from "../constants"

const bps = (name: string) => {
  const message = `${name} must be a whole number of basis points from 0 to 10000`
  return z.number(message).int(message).min(0, message).max(10000, message)
}
const days = (name: string) => {
  const message = `${name} must be a whole number of days from 0 to 3650`
  return z.number(message).int(message).min(0, message).max(3650, message)
}
const amount = (name: string) => z.number(`${name} must be a number`).min(0, `${name} cannot be negative`)
const depthMessage = `max_depth must be 1, 2 or 3 (commission is paid on at most ${MAX_COMMISSION_DEPTH} levels)`
const methodsMessage = `withdrawal_methods must list at least one of ${WITHDRAWAL_METHODS.join(", ")}`

/**
 * The programme's settings, declared once: each field's type and bounds. The
 * module validates against it (plugin options, admin, a workflow called
 * directly), the admin route's body schema and the OpenAPI response are built
 * from it, and `DistributionSettingsInput` is its type. Adding a setting means
 * a column in the model, a field here with its default below, the settings
 * page and its two translations.
 */
export const SETTING_FIELDS = z.object({
  enabled: z.boolean(),
  max_depth: z.number(depthMessage).int(depthMessage).min(1, depthMessage).max(MAX_COMMISSION_DEPTH, depthMessage),
  application_mode: z.enum(APPLICATION_MODES),
  application_min_spend: amount("application_min_spend"),
  self_purchase: z.boolean(),
  binding_mode: z.enum(BINDING_MODES),
  binding_days: days("binding_days"),
  bind_new_customers_only: z.boolean(),
  settle_on: z.enum(SETTLE_ON_STATES),
  freeze_days: days("freeze_days"),
  order_cap_bps: bps("order_cap_bps"),
  min_withdrawal: amount("min_withdrawal"),
  withdrawal_fee_bps: bps("withdrawal_fee_bps"),
  withdrawal_methods: z.array(z.enum(WITHDRAWAL_METHODS, methodsMessage), methodsMessage).min(1, methodsMessage),
  default_rate_bps_1: bps("default_rate_bps_1"),
  default_rate_bps_2: bps("default_rate_bps_2"),
  default_rate_bps_3: bps("default_rate_bps_3"),
  /** The programme's currency (thresholds, minimums, reports); null: the store's default currency. */
  currency_code: z.string().regex(/^[a-zA-Z]{3}$/, "currency_code must be a three-letter ISO 4217 code").nullable(),
  /** Active distributors kept in the plugin's customer groups: none, one group, or one more per level. */
  distributor_group_mode: z.enum(DISTRIBUTOR_GROUP_MODES, `distributor_group_mode must be one of ${DISTRIBUTOR_GROUP_MODES.join(", ")}`),
  /** The Medusa promotion every distributor coupon is cloned from; null: no coupons are issued. */
  coupon_template_promotion_id: z.string().min(1, "coupon_template_promotion_id must be a promotion id").nullable(),
  /** When a distributor gets its coupon. */
  coupon_issue: z.enum(COUPON_ISSUE_MODES),
  /** Put before the referral code to make the coupon's code ("" : the code itself). */
  coupon_code_prefix: z
    .string()
    .max(12, "coupon_code_prefix must be at most 12 characters")
    .regex(/^([A-Za-z][A-Za-z0-9_-]*)?$/, "coupon_code_prefix must start with a letter and hold only letters, digits, - and _"),
  /** Whether a coupon beats the buyer's binding for level one, or the binding wins. */
  coupon_attribution: z.enum(COUPON_ATTRIBUTIONS),
  /** What an order through a coupon pays (a coupon may have its own policy). */
  coupon_commission: z.enum(COUPON_COMMISSIONS),
  coupon_rate_bps_1: bps("coupon_rate_bps_1"),
  coupon_rate_bps_2: bps("coupon_rate_bps_2"),
  coupon_rate_bps_3: bps("coupon_rate_bps_3"),
  /** A buyer who used a coupon is bound to its owner (source coupon), per the binding rules. */
  coupon_binds_customer: z.boolean(),
  /** The mini-program page a share's 小程序码 opens, as WeChat's getUnlimited takes it: no leading /, no query. */
  mini_program_page: z
    .string()
    .max(128, "mini_program_page must be at most 128 characters")
    .regex(
      /^[A-Za-z_][A-Za-z0-9_-]*(\/[A-Za-z_][A-Za-z0-9_-]*)*$/,
      "mini_program_page must be a page path such as pages/index/index: names starting with a letter, no leading /, no query"
    ),
})

/** The editable settings of the programme, as the admin and the plugin options give them. */
export type DistributionSettingsInput = z.output<typeof SETTING_FIELDS>

export const SETTING_KEYS = Object.keys(SETTING_FIELDS.shape) as (keyof DistributionSettingsInput)[]

/** The settings held as amounts (a bigNumber column and its raw_ twin). */
export const MONEY_SETTINGS = ["application_min_spend", "min_withdrawal"] as const satisfies readonly (keyof DistributionSettingsInput)[]

export const DEFAULT_SETTINGS: DistributionSettingsInput = {
  enabled: true,
  max_depth: 2,
  application_mode: ApplicationMode.REVIEW,
  application_min_spend: 0,
  self_purchase: false,
  binding_mode: BindingMode.FIRST_TOUCH,
  binding_days: 0,
  bind_new_customers_only: false,
  settle_on: SettleOn.DELIVERED,
  freeze_days: 7,
  order_cap_bps: 3000,
  min_withdrawal: 100,
  withdrawal_fee_bps: 0,
  withdrawal_methods: [
    WithdrawalMethod.BANK,
    WithdrawalMethod.ALIPAY,
    WithdrawalMethod.WECHAT,
  ],
  default_rate_bps_1: 1000,
  default_rate_bps_2: 500,
  default_rate_bps_3: 0,
  // Null: the programme follows the store's default currency (see programmeSettings).
  currency_code: null,
  distributor_group_mode: DistributorGroupMode.OFF,
  coupon_template_promotion_id: null,
  coupon_issue: CouponIssue.ADMIN_ONLY,
  coupon_code_prefix: "",
  coupon_attribution: CouponAttribution.BINDING_FIRST,
  coupon_commission: CouponCommission.NORMAL,
  coupon_rate_bps_1: 0,
  coupon_rate_bps_2: 0,
  coupon_rate_bps_3: 0,
  coupon_binds_customer: true,
  mini_program_page: "pages/index/index",
}

/**
 * The invariants of the settings, whoever writes them (plugin options, admin,
 * a workflow called directly). The three-level ceiling is law, not a setting.
 */
export function validateSettings(s: DistributionSettingsInput): void {
  const parsed = SETTING_FIELDS.safeParse(s)
  if (!parsed.success) {
    const problems = [...new Set(parsed.error.issues.map((issue) => issue.message))]
    throw new MedusaError(MedusaError.Types.INVALID_DATA, problems.join("; "))
  }
}
