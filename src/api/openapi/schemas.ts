import { z } from "@medusajs/framework/zod"
import {
  APPLICATION_MODES,
  COMMISSION_BASES,
  AUDIT_ACTOR_TYPES,
  BINDING_SOURCES,
  COMMISSION_STATUSES,
  DISTRIBUTOR_GROUP_MODES,
  COUPON_COMMISSIONS,
  COUPON_SOURCES,
  COUPON_STATUSES,
  DISTRIBUTOR_STATUSES,
  LEDGER_KINDS,
  RULE_MODES,
  RULE_TARGET_TYPES,
  SALE_COMMISSIONS,
  ACTIVITY_KINDS,
  FLASH_SALE_STATUSES,
  RESERVATION_STATUSES,
  SALE_STATUSES,
  SHARE_TARGETS,
  GROUP_BUY_PHASES,
  GROUP_BUY_STATUSES,
  GROUP_MEMBER_STATUSES,
  GROUP_OVERFLOWS,
  GROUP_REFUND_STATUSES,
  GROUP_STATUSES,
  WITHDRAWAL_METHODS,
  WITHDRAWAL_STATUSES,
} from "../../modules/distribution/constants"
import { STATS_INTERVALS } from "../../modules/distribution/queries/centre"
import { SETTING_FIELDS } from "../../modules/distribution/utils/settings"

/**
 * What the plugin's routes return, as zod schemas: the OpenAPI document is
 * generated from them, the storefront client's types are inferred from them,
 * and the HTTP tests check every real response against them.
 */

/**
 * Every amount of every response: a decimal string in the currency's major
 * unit with the currency's precision ("2.50"; "1250" for JPY; "1.125" for KWD),
 * never a JSON number. Declared once, referenced wherever an amount appears.
 */
export const Amount = z
  .string()
  .regex(/^-?\d+(\.\d{2,3})?$/)
  .describe("Decimal string in the currency's major unit with the currency's precision: \"2.50\", \"1250\" for JPY")
export const Timestamp = z.string().describe("ISO 8601 timestamp")
const Id = z.string()

export const ErrorResponse = z.looseObject({
  type: z.string().optional(),
  message: z.string(),
  code: z.string().optional(),
})

const paged = <K extends string, T extends z.ZodType>(key: K, item: T) =>
  z.object({ [key]: z.array(item), count: z.number().int(), limit: z.number().int(), offset: z.number().int() } as {
    [P in K]: z.ZodArray<T>
  } & { count: z.ZodNumber; limit: z.ZodNumber; offset: z.ZodNumber })

/**
 * An admin list row: the list routes take `fields`, so every documented column
 * but the id may be left out (the defaults return them all).
 */
const selectable = <T extends z.ZodObject>(row: T) => row.partial().required({ id: true } as never)

/** Entities as the ORM returns them carry more columns than these; the ones documented are typed. */
const entity = <T extends z.ZodRawShape>(shape: T) =>
  z.looseObject({ created_at: Timestamp.optional(), updated_at: Timestamp.optional(), deleted_at: Timestamp.nullable().optional(), ...shape })

// ------------------------------------------------------------------ shared

export const Balance = z.object({
  currency_code: z.string(),
  pending: Amount,
  available: Amount,
  held: Amount,
  withdrawn: Amount,
  debt: Amount,
})

export const LevelSummary = z.object({
  id: Id,
  name: z.string(),
  rank: z.number().int(),
  rate_bps_1: z.number().int(),
  rate_bps_2: z.number().int(),
  rate_bps_3: z.number().int(),
})

const MaskedApplication = z.object({
  name: z.string().nullable(),
  phone: z.string().nullable(),
  reason: z.string().nullable(),
})

// ------------------------------------------------------------------- store

export const OwnDistributor = z.object({
  id: Id,
  status: z.enum(DISTRIBUTOR_STATUSES),
  referral_code: z.string().nullable(),
  display_name: z.string().nullable(),
  email: z.string().nullable(),
  depth: z.number().int(),
  parent_id: z.string().nullable(),
  level: LevelSummary.nullable(),
  team_size: z.number().int(),
  direct_count: z.number().int(),
  reject_reason: z.string().nullable(),
  suspend_reason: z.string().nullable(),
  application: MaskedApplication.nullable(),
  activated_at: Timestamp.nullable(),
  created_at: Timestamp,
})

export const Binding = z.object({
  id: Id,
  source: z.enum(BINDING_SOURCES),
  bound_at: Timestamp,
  expires_at: Timestamp.nullable(),
  distributor: z.union([
    z.object({ id: Id, referral_code: z.string().nullable(), display_name: z.string().nullable() }),
    z.object({ id: Id }),
  ]),
})

export const TeamMember = z.object({
  id: Id,
  display_name: z.string().nullable(),
  email: z.string().nullable(),
  status: z.enum(DISTRIBUTOR_STATUSES),
  referral_code: z.string().nullable(),
  level: z.object({ id: Id, name: z.string() }).nullable(),
  depth: z.number().int().optional(),
  team_size: z.number().int(),
  direct_count: z.number().int(),
  joined_at: Timestamp,
})

export const OwnCommission = z.object({
  id: Id,
  order_id: z.string(),
  line_item_id: z.string(),
  product_id: z.string().nullable(),
  variant_id: z.string().nullable(),
  depth: z.number().int(),
  quantity: z.number().int(),
  base_amount: Amount,
  rate_bps: z.number().int().nullable(),
  rate_source: z.string(),
  amount: Amount,
  reversed_amount: Amount,
  currency_code: z.string(),
  status: z.enum(COMMISSION_STATUSES),
  eligible_at: Timestamp.nullable(),
  settled_at: Timestamp.nullable(),
  reversed_at: Timestamp.nullable(),
  created_at: Timestamp,
})

export const AttributedOrder = z.object({
  id: Id,
  display_id: z.number().int(),
  status: z.enum(["placed", "fulfilled", "shipped", "delivered", "returned", "canceled"]),
  created_at: Timestamp,
  currency_code: z.string(),
  buyer: z.object({ name: z.string().nullable(), email: z.string().nullable() }),
  commission: Amount,
  items: z.array(
    z.object({
      id: Id,
      title: z.string(),
      variant_title: z.string().nullable(),
      thumbnail: z.string().nullable(),
      quantity: z.number(),
      depth: z.number().int().nullable(),
      commission: Amount,
      commission_status: z.enum(COMMISSION_STATUSES).nullable(),
    })
  ),
})

export const PeriodFigures = z.object({
  currency_code: z.string(),
  sales: Amount,
  orders: z.number().int(),
  commissions: Amount,
})

export const CentreSummary = z.object({
  tz: z.string(),
  balances: z.array(Balance),
  today: z.array(PeriodFigures),
  this_month: z.array(PeriodFigures),
  all_time: z.array(PeriodFigures),
  team: z.object({
    by_depth: z.array(z.object({ depth: z.number().int(), count: z.number().int() })),
    total: z.number().int(),
    direct_recruits: z.number().int(),
  }),
  level: z.object({
    current: z.object({ id: Id, name: z.string(), rank: z.number().int() }).nullable(),
    next: z
      .object({
        level: z.object({ id: Id, name: z.string(), rank: z.number().int() }),
        thresholds: z.array(
          z.object({
            metric: z.enum(["personal_sales", "team_sales", "direct_recruits", "orders"]),
            current: Amount,
            target: Amount,
            met: z.boolean(),
          })
        ),
        reached: z.boolean(),
      })
      .nullable(),
  }),
})

/**
 * What every link route gives a terminal to share with: the H5/PC URL, and
 * for a WeChat mini-program the page and scene to render its own 小程序码
 * with (wxacode.getUnlimited: page = path, scene = scene). The mini-program
 * resolves the scene with GET /store/distribution/share/:scene.
 */
export const Share = z
  .object({
    url: z.string().describe("The H5/PC URL: the store path with the referral code (?ref=)"),
    mini_program: z.object({
      path: z.string().describe("The mini-program page the code opens (the programme's mini_program_page setting), no leading /"),
      scene: z.string().max(32).describe("A short token (letters and digits, at most 32 characters) that resolves to the sharer and the target"),
    }),
  })
  .describe("A share for every terminal: the URL, and the mini-program's page and scene")

/** A variant as the store's lists name it. */
const StoreVariantName = z.object({ id: Id, title: z.string().nullable(), sku: z.string().nullable() })

/** The price before a sale, Medusa's original_amount: the strike-through while a sale is live, else the price itself. */
const OriginalPrice = Amount.nullable().describe("The price before the sale (the strike-through)")

export const EarningVariant = StoreVariantName.extend({
  price: Amount.nullable(),
  original_price: OriginalPrice,
  commission: Amount.nullable().describe("What the caller earns at depth 1 from one unit at price, under the sale's policy when in a sale"),
  rate_bps: z.number().int().nullable(),
  rate_source: z.string().nullable().describe("\"sale\": the rate of the sale the variant is in (0 when the sale pays no commission)"),
  sale: z
    .object({
      id: z.string(),
      name: z.string(),
      ends_at: Timestamp,
      commission_policy: z.enum(SALE_COMMISSIONS),
      rate_bps_1: z.number().int().nullable(),
    })
    .nullable()
    .describe("The limited-time sale the variant is in now (price is its sale price), with its commission policy"),
})

export const EarningProduct = z.object({
  id: Id,
  title: z.string(),
  handle: z.string(),
  thumbnail: z.string().nullable(),
  variants: z.array(EarningVariant),
  share: Share.nullable().describe("The caller's share of the product page (null: the caller may not share — not active, or no store_url)"),
})

export const StatsBucket = z.object({
  period: z.string().describe("Start of the bucket in the requested time zone, YYYY-MM-DD"),
  start: Timestamp,
  visits: z.number().int(),
  orders: z.number().int(),
  conversion_rate: z.string().describe("orders ÷ visits, 4 decimals, rounded down; \"0\" without visits"),
  sales: Amount,
  commissions: Amount,
})

export const StoreApplyResponse = z.object({ distributor: OwnDistributor })
export const StoreMeResponse = z.object({
  distributor: OwnDistributor.nullable(),
  balances: z.array(Balance),
  binding: Binding.nullable(),
  programme: z.object({
    enabled: z.boolean(),
    application_mode: z.enum(APPLICATION_MODES),
    application_min_spend: Amount,
    max_depth: z.number().int(),
    currency_code: z.string(),
    min_withdrawal: Amount,
    withdrawal_fee_bps: z.number().int().describe("The withdrawal fee in basis points of the amount (net = amount less the fee, rounded down)"),
    withdrawal_methods: z.array(z.enum(WITHDRAWAL_METHODS)).describe("The payout methods a withdrawal may ask for"),
  }),
})
export const StoreBindResponse = z.object({
  binding: Binding.nullable(),
  changed: z.boolean(),
  reason: z.string().nullable(),
})
/** The referrer's active coupon code: a storefront applies it to the cart (POST /store/carts/:id/promotions). */
const ReferralCoupon = z.string().nullable().describe("The referrer's active coupon code (null: none): the storefront applies it to the cart")
export const StoreVisitResponse = z.object({
  recorded: z.boolean(),
  referral_code: z.string(),
  binding_days: z.number().int().describe("How long a referral holds, in days (the programme's binding_days; 0: it does not lapse): how long a storefront keeps the code"),
  coupon_code: ReferralCoupon,
})
export const StoreShareResponse = z.object({
  scene: z.string(),
  referral_code: z.string().describe("The sharer's code: record a visit with it (source qr) and put it in the cart's metadata"),
  target: z.object({ type: z.enum(SHARE_TARGETS), id: z.string().nullable() }).describe("What the share opens: the home page, a product, a sale, the sharer's coupon, or another store page (id null)"),
  path: z.string().describe("The store path of the target"),
  url: z.string().describe("The H5/PC URL of the target, with the referral code"),
  binding_days: z.number().int().describe("How long a referral holds, in days (0: it does not lapse)"),
  coupon_code: ReferralCoupon,
})
export const StoreTeamResponse = paged("members", TeamMember).extend({ depth: z.number().int() })
export const StoreTeamChildrenResponse = StoreTeamResponse.extend({
  parent_id: Id.describe("The member whose direct recruits these are"),
}).describe("One member's direct recruits; depth is theirs below the caller, direct_count says whether each has recruits to open")
export const StoreCommissionsResponse = paged("commissions", OwnCommission)
export const StoreOrdersResponse = paged("orders", AttributedOrder)
export const StoreSummaryResponse = z.object({ summary: CentreSummary })
export const StoreProductsResponse = paged("products", EarningProduct).extend({ currency_code: z.string() })
export const StoreLinkResponse = z.object({
  url: z.string(),
  code: z.string(),
  coupon_code: z.string().nullable().describe("The caller's active coupon code: a storefront opening the link applies it to the cart (POST /store/carts/:id/promotions)"),
  qr: z.object({ svg: z.string(), png_base64: z.string() }),
  share: Share,
})
export const StoreStatsResponse = z.object({
  interval: z.enum(STATS_INTERVALS),
  tz: z.string(),
  currency_code: z.string(),
  from: Timestamp,
  to: Timestamp,
  series: z.array(StatsBucket),
})
export const OpenApiDocumentResponse = z.looseObject({ openapi: z.string(), info: z.looseObject({}), paths: z.looseObject({}) })

// ------------------------------------------------------------------- admin

export const AdminLevel = entity({
  id: Id,
  name: z.string(),
  description: z.string().nullable(),
  rank: z.number().int(),
  rate_bps_1: z.number().int(),
  rate_bps_2: z.number().int(),
  rate_bps_3: z.number().int(),
  upgrade_personal_sales: Amount.nullable(),
  upgrade_team_sales: Amount.nullable(),
  upgrade_direct_recruits: z.number().int().nullable(),
  upgrade_orders: z.number().int().nullable(),
  is_default: z.boolean(),
  customer_group_id: z.string().nullable().describe("The plugin's customer group of this level's active distributors (distributor prices per level), once made"),
})

export const AdminDistributor = entity({
  id: Id,
  customer_id: z.string(),
  email: z.string().nullable(),
  display_name: z.string().nullable(),
  referral_code: z.string().nullable(),
  status: z.enum(DISTRIBUTOR_STATUSES),
  parent_id: z.string().nullable(),
  level_id: z.string().nullable().optional(),
  depth: z.number().int(),
  team_size: z.number().int(),
  direct_count: z.number().int(),
  activated_at: Timestamp.nullable(),
  reviewed_at: Timestamp.nullable(),
  reviewed_by: z.string().nullable().optional(),
  reject_reason: z.string().nullable().optional(),
  suspend_reason: z.string().nullable().optional(),
  level: LevelSummary.partial().required({ id: true, name: true }).nullable().optional(),
  application: MaskedApplication.nullable().optional(),
})

const DistributorBrief = z.object({
  id: Id,
  referral_code: z.string().nullable(),
  display_name: z.string().nullable(),
  email: z.string().nullable(),
  status: z.enum(DISTRIBUTOR_STATUSES),
  depth: z.number().int(),
  team_size: z.number().int(),
  direct_count: z.number().int(),
  level: LevelSummary.nullable(),
})

export const AdminBinding = entity({
  id: Id,
  customer_id: z.string(),
  distributor_id: z.string(),
  source: z.enum(BINDING_SOURCES),
  bound_at: Timestamp,
  expires_at: Timestamp.nullable(),
  bound_by: z.string().nullable().optional(),
})

export const AdminCommission = entity({
  id: Id,
  order_id: z.string(),
  line_item_id: z.string(),
  distributor_id: z.string(),
  buyer_customer_id: z.string().nullable(),
  depth: z.number().int(),
  attribution: z.string(),
  product_id: z.string().nullable(),
  variant_id: z.string().nullable(),
  quantity: z.number().int(),
  base_amount: Amount,
  rate_bps: z.number().int().nullable(),
  rate_source: z.string(),
  rule_id: z.string().nullable(),
  amount: Amount,
  reversed_amount: Amount,
  currency_code: z.string(),
  status: z.enum(COMMISSION_STATUSES),
  eligible_at: Timestamp.nullable(),
  settled_at: Timestamp.nullable(),
  reversed_at: Timestamp.nullable(),
  sale_id: z.string().nullable().describe("The limited-time sale whose policy the line was credited under (null: none)"),
})

export const AdminCommissionRule = entity({
  id: Id,
  target_type: z.enum(RULE_TARGET_TYPES),
  target_id: z.string(),
  mode: z.enum(RULE_MODES),
  rate_bps_1: z.number().int().nullable(),
  rate_bps_2: z.number().int().nullable(),
  rate_bps_3: z.number().int().nullable(),
  fixed_amount_1: Amount.nullable(),
  fixed_amount_2: Amount.nullable(),
  fixed_amount_3: Amount.nullable(),
  currency_code: z.string().nullable(),
  note: z.string().nullable(),
  target: z.object({
    id: z.string().nullable(),
    type: z.enum(RULE_TARGET_TYPES).nullable(),
    title: z.string().nullable().describe("null when the target was deleted since"),
  }),
})

export const AdminLedgerEntry = entity({
  id: Id,
  distributor_id: z.string(),
  currency_code: z.string(),
  kind: z.enum(LEDGER_KINDS),
  amount: Amount,
  reference_type: z.string(),
  reference_id: z.string(),
  reason: z.string().nullable(),
  actor_id: z.string().nullable(),
})

export const AdminAuditLog = entity({
  id: Id,
  actor_type: z.enum(AUDIT_ACTOR_TYPES),
  actor_id: z.string().nullable(),
  action: z.string(),
  entity_type: z.string(),
  entity_id: z.string(),
  data: z.unknown().nullable().optional(),
})

/** The settings' own fields (the admin's settings form is typed from these). */
export const AdminSettingsFields = SETTING_FIELDS.extend({
  application_min_spend: Amount,
  min_withdrawal: Amount,
  commission_base: z.enum(COMMISSION_BASES).describe("What a commission is computed on (fixed: the lines' subtotal after discounts, without tax)"),
  currency_code: z.string().describe("The programme's currency: thresholds, minimums and reports are in it"),
  currency_follows_store: z
    .boolean()
    .describe("True while no currency was chosen: the programme counts in the store's default currency (set currency_code to null to return to it)"),
})

export const AdminSettings = entity({ id: Id, ...AdminSettingsFields.shape })

const Deleted = (object: string) => z.object({ id: Id, object: z.literal(object), deleted: z.literal(true) })

export const AdminDistributorsResponse = paged("distributors", selectable(AdminDistributor)).extend({
  count: z
    .number()
    .int()
    .describe("The distributors that match; with q, exact up to 1,000 and 1,000 when more match (count_capped)"),
  count_capped: z
    .boolean()
    .describe("True when a search (q) matches more than 1,000 distributors: count is then 1,000, shown as \"1,000+\""),
})
export const AdminDistributorResponse = z.object({ distributor: AdminDistributor })
export const AdminDistributorDetailResponse = z.object({
  distributor: AdminDistributor,
  customer: z
    .looseObject({
      id: Id,
      email: z.string().nullable(),
      first_name: z.string().nullable().optional(),
      last_name: z.string().nullable().optional(),
      phone: z.string().nullable().optional(),
    })
    .nullable(),
  upline: z.array(DistributorBrief),
  children: z.object({ members: z.array(DistributorBrief), count: z.number().int() }),
  binding: AdminBinding.nullable(),
})
export const AdminTeamResponse = paged("members", selectable(AdminDistributor)).extend({ depth: z.number().int() })
/** A ledger entry with what it is about: the order of a commission, or the withdrawal it moved. */
export const AdminLedgerEntryWithReference = AdminLedgerEntry.extend({
  order: z.object({ id: z.string(), display_id: z.number().int().nullable() }).nullable(),
  withdrawal: z.object({ id: z.string(), status: z.enum(WITHDRAWAL_STATUSES), created_at: Timestamp }).nullable(),
})
export const AdminLedgerResponse = paged("entries", AdminLedgerEntryWithReference).extend({ balances: z.array(Balance) })
export const AdminAdjustmentResponse = z.object({
  created: z.boolean(),
  entry_id: z.string().nullable(),
  balances: z.array(Balance),
})
export const AdminLevelsResponse = paged("levels", selectable(AdminLevel))
export const AdminLevelResponse = z.object({ level: AdminLevel })
export const AdminLevelDeletedResponse = Deleted("distribution_level").extend({
  reassigned: z.number().int(),
  default_level_id: z.string().nullable(),
})
export const AdminSettingsResponse = z.object({ settings: AdminSettings })
export const AdminDistributorGroup = z.object({
  id: z.string().describe("The Medusa customer group (a price list or promotion points at it)"),
  name: z.string(),
  level_id: z.string().nullable().describe("The level whose active distributors it holds; null: the programme's group, every active distributor"),
  level_name: z.string().nullable(),
  member_count: z.number().int(),
})
export const AdminCustomerGroupsResponse = z.object({
  mode: z.enum(DISTRIBUTOR_GROUP_MODES),
  groups: z.array(AdminDistributorGroup),
})
export const AdminCustomerGroupsSyncResponse = AdminCustomerGroupsResponse.extend({
  sync: z.object({
    mode: z.enum(DISTRIBUTOR_GROUP_MODES),
    groups_created: z.number().int(),
    distributors: z.number().int().describe("Distributors looked at"),
    added: z.number().int().describe("Memberships added"),
    removed: z.number().int().describe("Memberships removed"),
  }),
})
export const AdminBindingsResponse = paged("bindings", selectable(AdminBinding))
export const AdminBindingCreatedResponse = z.object({ binding: AdminBinding, changed: z.boolean() })
export const AdminCommissionsResponse = paged("commissions", selectable(AdminCommission))
export const AdminCommissionRulesResponse = paged("commission_rules", selectable(AdminCommissionRule))
export const AdminCommissionRuleResponse = z.object({ commission_rule: AdminCommissionRule })
export const AdminCommissionRuleDeletedResponse = Deleted("commission_rule")
export const AdminAuditLogsResponse = paged("audit_logs", selectable(AdminAuditLog))
export const AdminReconcileResponse = z.object({
  wallet_mismatches: z.array(
    z.object({
      distributor_id: z.string(),
      currency_code: z.string(),
      cached_available: Amount,
      ledger_available: Amount,
      cached_held: Amount,
      ledger_held: Amount,
      cached_withdrawn: Amount,
      ledger_withdrawn: Amount,
    })
  ),
  repaired: z.boolean(),
  orders_checked: z.number().int(),
  recredited: z.array(z.object({ order_id: z.string(), created: z.number().int() })).describe("Orders without commissions, credited now"),
  reversed: z
    .array(z.object({ order_id: z.string(), reversed: z.number().int(), clawed_back: z.number().int() }))
    .describe("Canceled, returned or refunded orders whose reversal had not been applied"),
  marked_eligible: z
    .array(z.object({ order_id: z.string(), marked: z.number().int() }))
    .describe("Orders at the settle-on state whose commissions had no due date"),
  group_refunds: z
    .array(
      z.object({
        group_id: Id,
        group_buy_id: Id,
        members: z.number().int().describe("Members whose refund was unfinished"),
        pending: z.number().int().describe("Stuck pending for 10 minutes and more"),
        refunding: z.number().int().describe("Stuck refunding for 10 minutes and more (an instance died mid-way)"),
        failed: z.number().int().describe("The last attempt failed"),
        unqueued: z.number().int().describe("Paid members of a failed group never queued for a refund"),
        not_canceled: z.number().int().describe("Marked refunded in the window, but the order is not canceled"),
        retried: z.number().int().describe("Queued again and tried once by this run"),
        refunded: z.number().int().describe("Refunded by this run"),
      })
    )
    .describe("Failed 拼团 groups whose members' refunds a crash or an error left unfinished, retried once each"),
})

// ------------------------------------------------------------- withdrawals

export const Withdrawal = z.object({
  id: Id,
  distributor_id: z.string(),
  currency_code: z.string(),
  amount: Amount,
  fee_bps: z.number().int(),
  fee: Amount,
  net_amount: Amount,
  method: z.enum(WITHDRAWAL_METHODS),
  account: z.record(z.string(), z.string().nullable()).describe("The payout account, masked (e.g. account_number \"****6789\"; a field not given, such as a bank branch, is null)"),
  note: z.string().nullable(),
  status: z.enum(WITHDRAWAL_STATUSES),
  reject_reason: z.string().nullable(),
  transaction_reference: z.string().nullable(),
  approved_at: Timestamp.nullable(),
  rejected_at: Timestamp.nullable(),
  paid_at: Timestamp.nullable(),
  created_at: Timestamp,
  updated_at: Timestamp,
})

export const AdminWithdrawal = Withdrawal.extend({
  approved_by: z.string().nullable().describe("The admin user who approved it"),
  rejected_by: z.string().nullable(),
  paid_by: z.string().nullable(),
  distributor: z
    .object({
      id: Id,
      display_name: z.string().nullable(),
      email: z.string().nullable(),
      referral_code: z.string().nullable(),
      status: z.enum(DISTRIBUTOR_STATUSES),
    })
    .nullable(),
})

export const StoreWithdrawalResponse = z.object({ withdrawal: Withdrawal })
export const StoreWithdrawalRequestedResponse = z.object({ withdrawal: Withdrawal, balances: z.array(Balance) })
export const StoreWithdrawalsResponse = paged("withdrawals", Withdrawal)
export const AdminWithdrawalsResponse = paged("withdrawals", AdminWithdrawal)
export const AdminWithdrawalResponse = z.object({ withdrawal: AdminWithdrawal })
export const AdminWithdrawalDetailResponse = z.object({
  withdrawal: AdminWithdrawal,
  ledger: z.array(AdminLedgerEntry),
  audit: z.array(AdminAuditLog),
  balances: z.array(Balance),
})
export const AdminBulkWithdrawalsResponse = z.object({
  results: z.array(
    z.object({ id: Id, ok: z.boolean(), status: z.enum(WITHDRAWAL_STATUSES).optional(), message: z.string().optional() })
  ),
  succeeded: z.number().int(),
  failed: z.number().int(),
})

// ----------------------------------------------------------------- reports

const ReportScope = {
  from: z.string(),
  to: z.string(),
  tz: z.string(),
  currency_code: z.string(),
}

export const AdminReportSummaryResponse = z.object({
  ...ReportScope,
  currencies: z
    .array(z.string())
    .describe("The currencies the programme holds money in, its own first: pass one as currency_code to report in it"),
  distributors: z.object({
    active: z.number().int(),
    pending: z.number().int(),
    rejected: z.number().int(),
    suspended: z.number().int(),
    new: z.number().int(),
  }),
  pending_applications: z.number().int(),
  pending_withdrawals: z.object({ count: z.number().int(), amount: Amount }),
  sales: Amount,
  orders: z.number().int(),
  commissions: z.object({ credited: Amount, pending: Amount, settled: Amount, reversed: Amount }),
  withdrawals_requested: Amount,
  withdrawn: Amount,
  visits: z.number().int(),
  conversion_rate: z.string(),
})

export const AdminReportTimeseriesResponse = z.object({
  ...ReportScope,
  interval: z.enum(STATS_INTERVALS),
  series: z.array(
    z.object({
      period: z.string(),
      sales: Amount,
      orders: z.number().int(),
      commissions: Amount,
      new_distributors: z.number().int(),
      withdrawals_requested: Amount,
      withdrawals_paid: Amount,
      visits: z.number().int(),
    })
  ),
})

export const AdminReportLeaderboardResponse = z.object({
  ...ReportScope,
  by: z.enum(["sales", "commissions", "recruits"]),
  limit: z.number().int(),
  rows: z.array(
    z.object({
      rank: z.number().int(),
      distributor_id: z.string(),
      display_name: z.string().nullable(),
      email: z.string().nullable(),
      referral_code: z.string().nullable(),
      value: z.union([Amount, z.number().int()]),
    })
  ),
})

export const AdminReportProductsResponse = paged(
  "products",
  z.object({
    product_id: z.string(),
    title: z.string().nullable(),
    quantity: z.number().int(),
    orders: z.number().int(),
    sales: Amount,
    commissions: Amount,
  })
).extend(ReportScope)

export const AdminReportConversionResponse = paged(
  "rows",
  z.object({
    distributor_id: z.string(),
    display_name: z.string().nullable(),
    referral_code: z.string().nullable(),
    visits: z.number().int(),
    orders: z.number().int(),
    conversion_rate: z.string(),
  })
).extend(ReportScope)

// ------------------------------------------------------ product preview

export const AdminCommissionPreviewResponse = z.object({
  product_id: z.string(),
  rules: z.array(AdminCommissionRule.omit({ target: true, note: true })),
  max_depth: z.number().int(),
  variants: z.array(
    z.object({
      variant_id: z.string(),
      title: z.string(),
      sku: z.string().nullable(),
      prices: z.array(
        z.object({
          currency_code: z.string(),
          amount: Amount,
          /** What a commission is computed on: the price, without its tax where it includes tax. */
          base: Amount,
          sale: z
            .object({
              id: z.string(),
              name: z.string(),
              commission_policy: z.enum(SALE_COMMISSIONS),
              regular_amount: Amount.describe("The variant's regular price in this currency"),
              priced: z.boolean().describe("False when the sale has no price in this currency: amount is then the regular price"),
            })
            .nullable()
            .describe("The sale the variant is in now: amount is its sale price and the depths pay under its policy"),
          levels: z.array(
            z.object({
              level_id: z.string().nullable().describe("null: the programme's default rates (the row shown while no level exists)"),
              level_name: z.string().nullable(),
              depths: z.array(
                z.object({
                  depth: z.number().int(),
                  source: z.string(),
                  rate_bps: z.number().int().nullable(),
                  amount: Amount,
                })
              ),
            })
          ),
        })
      ),
    })
  ),
})

// ---------------------------------------------------------------- readiness

export const DistributionHealthResponse = z.object({
  status: z.enum(["ok", "degraded"]).describe("degraded: the oldest due commission is later than lag_limit_seconds (the settlement job is not running or cannot keep up)"),
  database: z.literal("ok"),
  settlement: z.object({
    due: z.number().int().describe("Commissions due and not settled yet (counted up to 10,000); a suspended earner's are held, not due"),
    oldest_due_at: z.string().nullable(),
    lag_seconds: z.number().int(),
    lag_limit_seconds: z.number().int(),
  }),
})

export const DistributionHealthDownResponse = z.object({
  status: z.literal("down"),
  database: z.literal("unreachable"),
  message: z.string(),
})

export const AdminReconcileRunsResponse = z.object({
  runs: z.array(
    z.object({
      id: Id,
      started_at: z.string(),
      finished_at: z.string().nullable().describe("null while it runs"),
      window_from: z
        .string()
        .nullable()
        .describe("The orders it looked at were placed or changed from here: the watermark less 15 minutes, or reconcile_days back on a first run"),
      window_to: z.string().nullable().describe("…to here (when the run started); a successful run's window_to is the next run's watermark"),
      watermark: z.string().nullable().describe("Where the last successful run before it stopped; null on a first run (reconcile_days)"),
      heartbeat_at: z
        .string()
        .nullable()
        .describe("When the instance running it last said it was alive (every 30 seconds while it runs); a run silent for 5 minutes is closed as abandoned by the next tick"),
      result: z
        .object({
          days: z.number().int().optional().describe("reconcile_days, on a first run (no watermark)"),
          orders_checked: z.number().int(),
          recredited: z.number().int(),
          reversed: z.number().int(),
          marked_eligible: z.number().int(),
          wallet_mismatches: z.number().int(),
          group_refunds: z
            .object({ groups: z.number().int(), members: z.number().int(), refunded: z.number().int() })
            .optional()
            .describe("拼团 refunds left unfinished: the failed groups and members found, and the members refunded by the run (runs before this count was kept have none)"),
        })
        .nullable()
        .describe("What the run found and repaired (counts of orders); null while it runs or when it failed"),
      error: z.string().nullable(),
    })
  ),
})

// ------------------------------------------------------------------ coupons

/** What a coupon's Medusa promotion gives. */
export const CouponOffer = z.object({
  promotion_status: z.string().nullable(),
  type: z.string().nullable().describe("percentage or fixed"),
  target_type: z.string().nullable().describe("order, items or shipping_methods"),
  value: z.string().nullable().describe("A percentage (\"10\") or, for fixed, an amount in currency_code (\"20.00\")"),
  currency_code: z.string().nullable(),
  campaign_id: z.string().nullable(),
})

/** sales: the orders' lines after discounts, before tax and shipping; commission: the owner's on them, credited less reversed. */
export const CouponFigures = z.object({
  currency_code: z.string(),
  uses: z.number().int(),
  sales: Amount,
  commission: Amount,
})

export const AdminCoupon = z.object({
  id: Id,
  code: z.string(),
  status: z.enum(COUPON_STATUSES),
  source: z.enum(COUPON_SOURCES),
  distributor_id: z.string(),
  promotion_id: z.string(),
  commission_policy: z.enum(COUPON_COMMISSIONS).nullable().describe("null: the programme's coupon_commission"),
  rate_bps_1: z.number().int().nullable(),
  rate_bps_2: z.number().int().nullable(),
  rate_bps_3: z.number().int().nullable(),
  created_at: Timestamp,
  distributor: z
    .object({ id: z.string(), referral_code: z.string().nullable(), status: z.enum(DISTRIBUTOR_STATUSES), email: z.string().nullable() })
    .nullable(),
  offer: CouponOffer,
  uses: z.number().int(),
  figures: z.array(CouponFigures),
})

export const CouponOrder = z.object({
  order_id: z.string(),
  customer_id: z.string().nullable(),
  currency_code: z.string(),
  sales: Amount,
  commission: Amount,
  created_at: Timestamp,
})

export const AdminCouponsResponse = paged("coupons", AdminCoupon)
export const AdminCouponResponse = z.object({ coupon: AdminCoupon })
export const AdminCouponDetailResponse = z.object({ coupon: AdminCoupon, orders: z.array(CouponOrder) })
export const AdminBulkIssueCouponsResponse = z.object({
  level_id: z.string(),
  issued: z.number().int(),
  coupon_ids: z.array(z.string()),
  failed: z.array(z.object({ distributor_id: z.string(), message: z.string() })),
  more: z.boolean().describe("True when the level has more distributors without a coupon: send the request again"),
})
export const AdminReportCouponsResponse = paged(
  "coupons",
  z.object({
    coupon_id: z.string(),
    code: z.string(),
    distributor_id: z.string(),
    status: z.enum(COUPON_STATUSES),
    uses: z.number().int(),
    sales: Amount,
    commission: Amount,
  })
)
  .extend(ReportScope)
  .extend({
    totals: z
      .object({ coupons: z.number().int(), uses: z.number().int(), sales: Amount, commission: Amount })
      .describe("The whole window, every page: coupons used, orders placed with them, their sales and the owners' commission"),
  })

const CouponShare = Share.nullable().describe(
  "The caller's share of the store with its coupon: a storefront opening it applies the coupon (null: no active coupon, or the caller may not share)"
)

/** The caller's coupon as the distributor centre shows it (null: none yet). */
export const StoreCoupon = AdminCoupon.pick({
  id: true,
  code: true,
  status: true,
  source: true,
  created_at: true,
  offer: true,
  uses: true,
  figures: true,
})
export const StoreCouponResponse = z.object({
  coupon: StoreCoupon.nullable(),
  can_request: z.boolean().describe("True when the caller may ask for a coupon with POST /store/distribution/coupon"),
  share: CouponShare,
})
export const StoreCouponIssuedResponse = z.object({ coupon: StoreCoupon, share: CouponShare })

// -------------------------------------------------------------------- sales

const SaleWindow = {
  starts_at: Timestamp,
  ends_at: Timestamp,
  time_zone: z.string().describe("The IANA zone the window is shown in"),
  starts_at_local: z.string().describe("starts_at as the wall-clock time of time_zone, with its offset (2026-12-12T00:00:00+08:00)"),
  ends_at_local: z.string().describe("ends_at as the wall-clock time of time_zone, with its offset"),
}

export const AdminSale = z.object({
  id: Id,
  name: z.string(),
  status: z.enum(SALE_STATUSES),
  price_list_id: z.string().nullable().describe("The Medusa price list (type sale) the sale owns"),
  ...SaleWindow,
  percent_off_bps: z.number().int().nullable().describe("The percentage off the regular prices, in basis points (null: fixed prices)"),
  commission_policy: z.enum(SALE_COMMISSIONS),
  rate_bps_1: z.number().int().nullable(),
  rate_bps_2: z.number().int().nullable(),
  rate_bps_3: z.number().int().nullable(),
  product_ids: z.array(z.string()),
  variant_ids: z.array(z.string()),
  prices: z.array(
    z.object({
      variant_id: z.string(),
      currency_code: z.string(),
      amount: Amount,
      regular_amount: Amount.nullable().describe("The variant's regular price in that currency (none: no price without rules)"),
    })
  ),
  created_at: Timestamp,
})
export const AdminSalesResponse = paged("sales", AdminSale)
export const AdminSaleResponse = z.object({ sale: AdminSale })

/** A product of a sale as the storefront lists it: a product of the centre's list, its variants priced for the sale. */
export const SaleProduct = EarningProduct.omit({ share: true }).extend({
  variants: z.array(
    StoreVariantName.extend({
      calculated_price: Amount.nullable().describe("Medusa's price for the region now: the sale price while the sale is live"),
      original_price: OriginalPrice,
      sale_price: Amount.nullable().describe("The sale's price in this currency"),
    })
  ),
})

export const StoreSale = z.object({
  id: Id,
  name: z.string(),
  status: z.enum([SALE_STATUSES[0], SALE_STATUSES[1]]),
  ...SaleWindow,
  starts_in_seconds: z.number().int().describe("Seconds until the sale starts (0 once live)"),
  ends_in_seconds: z.number().int().describe("Seconds until the sale ends: the countdown"),
  percent_off_bps: z.number().int().nullable(),
  products: z.array(SaleProduct),
  share: Share.nullable().describe("The logged-in caller's share of the sale's page (/sales/:id); null without a login, or when the caller may not share"),
})
export const StoreSalesResponse = paged("sales", StoreSale).extend({ currency_code: z.string() })

// -------------------------------------------------------------- flash sales

const FlashSlotOccurrence = z
  .object({
    starts_at: Timestamp,
    ends_at: Timestamp,
    starts_at_local: z.string().describe("starts_at as the wall-clock time of the sale's time zone, with its offset"),
    ends_at_local: z.string().describe("ends_at as the wall-clock time of the sale's time zone, with its offset"),
  })
  .nullable()

const FlashSaleFields = {
  id: Id,
  name: z.string(),
  status: z.enum(FLASH_SALE_STATUSES).describe("active until an admin closes it"),
  phase: z.enum(["live", "upcoming", "ended", "closed"]).describe("live: in a slot now; upcoming: a slot is to come"),
  starts_on: z.string().describe("The first date (YYYY-MM-DD in time_zone)"),
  ends_on: z.string().describe("The last date, included"),
  time_zone: z.string(),
  slots: z.array(z.object({ start: z.string(), end: z.string() })).describe("Daily [start, end) times \"HH:MM\""),
  current_slot: FlashSlotOccurrence.describe("The slot selling now"),
  next_slot: FlashSlotOccurrence.describe("The next slot to start"),
  per_order_limit: z.number().int(),
  per_customer_limit: z.number().int().nullable(),
  reservation_minutes: z.number().int().describe("How long a checkout holds its quota"),
  allow_coupons: z.boolean(),
}

const FlashVariantFields = {
  variant_id: z.string(),
  product_id: z.string(),
  prices: z.array(z.object({ currency_code: z.string(), amount: Amount })),
  quota: z.number().int().describe("The variant's quota for the whole sale"),
  remaining: z.number().int().describe("What is left to reserve"),
}

export const AdminFlashSale = z.object({
  ...FlashSaleFields,
  commission_policy: z.enum(SALE_COMMISSIONS),
  rate_bps_1: z.number().int().nullable(),
  rate_bps_2: z.number().int().nullable(),
  rate_bps_3: z.number().int().nullable(),
  closed_at: Timestamp.nullable(),
  created_at: Timestamp,
  updated_at: Timestamp,
  variants: z.array(z.object({ ...FlashVariantFields, reserved: z.number().int(), sold: z.number().int() })),
})
export const AdminFlashSalesResponse = paged("flash_sales", AdminFlashSale)
export const AdminFlashSaleResponse = z.object({ flash_sale: AdminFlashSale })
export const AdminFlashSaleReservation = z.object({
  id: Id,
  variant_id: z.string(),
  customer_id: z.string(),
  customer_email: z.string().nullable(),
  quantity: z.number().int(),
  status: z.enum(RESERVATION_STATUSES).describe("reserved: held until expires_at; consumed: bought by `order`; released: given back"),
  created_at: Timestamp,
  expires_at: Timestamp,
  consumed_at: Timestamp.nullable(),
  released_at: Timestamp.nullable(),
  release_reason: z.string().nullable().describe("Why the quota went back: expired, order_canceled, checkout_failed, …"),
  cart_id: z.string().nullable(),
  order: z.object({ id: z.string(), display_id: z.number().int().nullable() }).nullable().describe("The order that consumed it"),
})
export const AdminFlashSaleReservationsResponse = paged("reservations", AdminFlashSaleReservation)

export const StoreFlashSale = z.object({ ...FlashSaleFields, variants: z.array(z.object(FlashVariantFields)) })
export const StoreFlashSalesResponse = paged("flash_sales", StoreFlashSale)
export const StoreFlashSaleResponse = z.object({ flash_sale: StoreFlashSale })

export const ActivityReservation = z.object({
  id: Id,
  activity_kind: z.enum(ACTIVITY_KINDS),
  activity_id: z.string(),
  variant_id: z.string(),
  customer_id: z.string(),
  quantity: z.number().int(),
  status: z.enum(RESERVATION_STATUSES),
  expires_at: Timestamp.describe("Complete the cart before this instant"),
  cart_id: z.string().nullable(),
  order_id: z.string().nullable(),
})
export const StoreActivityCheckoutResponse = z.object({
  cart_id: z.string().describe("The one-item Medusa cart at the activity's price: complete it with Medusa's checkout"),
  currency_code: z.string(),
  unit_price: Amount,
  reservation: ActivityReservation,
})
export const StoreActivityReservationsResponse = paged("reservations", ActivityReservation)

// -------------------------------------------------------------------- group buys (拼团)

export const GroupBuy = z.object({
  id: Id,
  name: z.string(),
  status: z.enum(GROUP_BUY_STATUSES),
  phase: z.enum(GROUP_BUY_PHASES).describe("closed (by the admin), else scheduled, live or ended by the window"),
  starts_at: Timestamp,
  ends_at: Timestamp,
  group_size: z.number().int().describe("Paid members that make a group succeed"),
  time_limit_minutes: z.number().int().describe("How long an opened group may take (capped at ends_at)"),
  reservation_minutes: z.number().int().describe("How long a checkout's seat is held for its payment"),
  per_order_limit: z.number().int().nullable(),
  per_customer_limit: z.number().int().nullable(),
  virtual_threshold: z.number().int().nullable().describe("Paid members at expiry that complete a group virtually (null: never)"),
  overflow: z.enum(GROUP_OVERFLOWS).describe("The last-seat race's losers: lead a new group, or 409"),
  commission_policy: z.enum(SALE_COMMISSIONS),
  rate_bps_1: z.number().int().nullable(),
  rate_bps_2: z.number().int().nullable(),
  rate_bps_3: z.number().int().nullable(),
  leader_bonus_bps: z.number().int().nullable().describe("The leader's bonus in basis points of the leader's line, credited when the group succeeds"),
  prices: z.array(z.object({ variant_id: z.string(), currency_code: z.string(), amount: Amount })),
  closed_at: Timestamp.nullable(),
  created_at: Timestamp,
})

export const Group = z.object({
  id: Id,
  group_buy_id: z.string(),
  status: z.enum(GROUP_STATUSES),
  size: z.number().int(),
  paid: z.number().int(),
  reserved: z.number().int().describe("Seats held by checkouts not yet paid"),
  virtual_count: z.number().int().describe("Seats a virtual completion filled (no customer behind them)"),
  seats_left: z.number().int(),
  currency_code: z.string(),
  opened_at: Timestamp.nullable(),
  expires_at: Timestamp.nullable(),
  expires_in_seconds: z.number().int().nullable().describe("The countdown of an open group"),
  succeeded_at: Timestamp.nullable(),
  failed_at: Timestamp.nullable(),
})

const AdminGroupMember = z.object({
  id: Id,
  customer_id: z.string(),
  email: z.string().nullable(),
  is_leader: z.boolean(),
  status: z.enum(GROUP_MEMBER_STATUSES),
  variant_id: z.string(),
  quantity: z.number().int(),
  unit_price: Amount,
  currency_code: z.string(),
  reservation_id: z.string().describe("The shared activity reservation (its cart_id is the checkout's cart)"),
  order_id: z.string().nullable(),
  reservation_expires_at: Timestamp,
  paid_at: Timestamp.nullable(),
  refund_status: z.enum(GROUP_REFUND_STATUSES).nullable(),
  refund_error: z.string().nullable(),
})

const GroupCounts = z.object({
  opened: z.number().int().describe("Groups whose leader paid (open, succeeded or failed)"),
  succeeded: z.number().int(),
  failed: z.number().int(),
  virtual: z.number().int().describe("Succeeded groups with virtual seats"),
  open: z.number().int(),
})
export const AdminGroupBuysResponse = paged("group_buys", GroupBuy.extend({ groups: GroupCounts }))
export const AdminGroupBuyResponse = z.object({ group_buy: GroupBuy })
export const AdminGroupsResponse = paged("groups", Group)
export const AdminGroupResponse = z.object({ group: Group.extend({ members: z.array(AdminGroupMember) }) })
export const AdminGroupBuyReportResponse = z.object({
  report: GroupCounts.extend({
    gmv: z.array(z.object({ currency_code: z.string(), amount: Amount })).describe("Paid members' lines at the group price, not refunded"),
    refunds: z.array(z.object({ currency_code: z.string(), amount: Amount, pending: z.number().int(), failed: z.number().int() })),
  }),
})

export const StoreGroupBuysResponse = paged("group_buys", GroupBuy)
export const StoreGroupBuyResponse = z.object({ group_buy: GroupBuy.extend({ open_groups: z.array(Group) }) })
export const StoreGroupResponse = z.object({
  group: Group.extend({
    members: z.array(z.object({ is_leader: z.boolean(), name: z.string().nullable().describe("Masked"), paid_at: Timestamp.nullable() })),
    path: z.string().describe("The group's page on the storefront (/group-buys/:group_buy_id/groups/:id)"),
    url: z.string().nullable().describe("The page's URL: the leader's referral link when the leader is an active distributor; null without the store_url option"),
    referral_code: z.string().nullable().describe("The leader's code when the leader is an active distributor: the group link is a referral link"),
    share: Share.nullable().describe("The leader's share of the group's page (null: the leader may not share — not an active distributor, or no store_url)"),
  }),
})
export const StoreGroupCheckoutResponse = z.object({
  checkout: z.object({
    cart_id: z.string().describe("The one-item Medusa cart to check out with Medusa's own checkout"),
    reservation_id: z.string().describe("The shared activity reservation holding the seat"),
    group: Group,
    is_leader: z.boolean(),
    overflowed: z.boolean().describe("The group asked for had no seat left: the buyer leads a new group"),
    reservation_expires_at: Timestamp,
  }),
})
export const StoreMyGroupsResponse = paged(
  "groups",
  z.object({
    group: Group,
    is_leader: z.boolean(),
    status: z.enum(GROUP_MEMBER_STATUSES),
    variant_id: z.string(),
    quantity: z.number().int(),
    unit_price: Amount,
    reservation_id: z.string(),
    order_id: z.string().nullable(),
    refund_status: z.enum(GROUP_REFUND_STATUSES).nullable(),
  })
)
