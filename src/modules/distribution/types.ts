import { InferTypeOf } from "@medusajs/framework/types"
import {
  AuditActorType,
  BindingSource,
  SaleCommission,
  WithdrawalAction,
  WithdrawalMethod,
  WithdrawalStatus,
} from "./constants"
import {
  DistributionAuditLog,
  DistributionLevel,
  DistributionSettings,
  Distributor,
  DistributorCoupon,
  DistributionSale,
  DistributionGroupBuy,
  ReferralBinding,
  Withdrawal,
} from "./models"

export type DistributorDTO = InferTypeOf<typeof Distributor>
/** A distributor's place in the tree (its own table: queries/tree.ts). */
export type TreePosition = { path: string; depth: number }
/** A distributor as the routes that show its depth read it. */
export type DistributorWithPosition = DistributorDTO & TreePosition
export type DistributionLevelDTO = InferTypeOf<typeof DistributionLevel>
export type DistributionSettingsDTO = InferTypeOf<typeof DistributionSettings>
export type ReferralBindingDTO = InferTypeOf<typeof ReferralBinding>
export type DistributionAuditLogDTO = InferTypeOf<typeof DistributionAuditLog>
export type DistributorCouponDTO = InferTypeOf<typeof DistributorCoupon>
export type DistributionSaleDTO = InferTypeOf<typeof DistributionSale>
export type DistributionGroupBuyDTO = InferTypeOf<typeof DistributionGroupBuy>

/** What a sale's reservation writes: its fields, and its variants (each with its product). */
export type SaleReservation = {
  /** Absent: a new sale. */
  id?: string
  name: string
  starts_at: Date
  ends_at: Date
  time_zone: string
  percent_off_bps: number | null
  commission_policy: SaleCommission
  rate_bps_1: number | null
  rate_bps_2: number | null
  rate_bps_3: number | null
  variants: { variant_id: string; product_id: string }[]
}

/** A sale as it was before a change, with its variants. */
export type SaleSnapshot = Omit<SaleReservation, "id"> & { id: string; price_list_id: string | null }

export type { DistributionSettingsInput } from "./utils/settings"
import type { DistributionSettingsInput } from "./utils/settings"

export type DistributionModuleOptions = {
  /** 32-byte key (hex or base64) for personal data at rest; defaults to env DISTRIBUTION_ENCRYPTION_KEY. */
  encryption_key?: string
  /**
   * Keys used before the current one, newest first; defaults to env
   * DISTRIBUTION_PREVIOUS_ENCRYPTION_KEYS (comma-separated). Data under them is
   * still read, and the reencrypt script moves it to the current key.
   */
  previous_encryption_keys?: string[]
  /** Salt of the visitor hash; defaults to env DISTRIBUTION_VISITOR_SALT, else the encryption key. */
  visitor_salt?: string
  /** The storefront's base URL, used to build referral links. */
  store_url?: string
  /** A font file (TTF/OTF/TTC) with CJK glyphs for share posters; else the system's fonts. */
  poster_font_file?: string
  /** Length of new referral codes (4–16, default 7). */
  referral_code_length?: number
  /** Defaults of the settings row, applied when it is first created. */
  defaults?: Partial<DistributionSettingsInput>
  /**
   * Calls per caller and window (fixed windows; counted in Redis when the app has a redisUrl):
   * visits per client address (default 60 a minute), withdrawal requests per customer
   * (default 60 a minute); false turns a limit off.
   */
  rate_limits?: Partial<Record<RateLimitName, RateLimit | false>>
  /**
   * How many days of orders the hourly reconcile job's first run looks at
   * (default 30); every later run sweeps the orders placed or changed since the
   * last successful one.
   */
  reconcile_days?: number
}

export type RateLimitName = "visits" | "withdrawal_requests"
export type RateLimit = { limit: number; window_seconds: number }

export type ApplicationData = {
  name?: string | null
  phone?: string | null
  reason?: string | null
}

export type NewDistributorInput = {
  customer_id: string
  email: string | null
  display_name: string | null
  parent_id: string | null
  status: "pending" | "active"
  application: ApplicationData | null
  level_id?: string | null
}

export type BindCustomerInput = {
  customer_id: string
  distributor_id: string
  source: BindingSource
  bound_by?: string | null
  now?: Date
}

export type NewCommission = {
  order_id: string
  line_item_id: string
  distributor_id: string
  buyer_customer_id: string | null
  depth: number
  attribution: string
  product_id: string | null
  variant_id: string | null
  quantity: number
  /** Decimal strings in the currency's major unit. */
  base_amount: string
  rate_bps: number | null
  rate_source: string
  rule_id: string | null
  amount: string
  currency_code: string
  /** The sale (限时折扣) whose policy the line was credited under; null or absent: none. */
  sale_id?: string | null
}

/** A commission as the reversal reads it (amounts as decimal strings). */
export type CommissionRow = {
  id: string
  line_item_id: string
  distributor_id: string
  currency_code: string
  status: "pending" | "settled" | "reversed"
  quantity: number
  amount: string
  reversed_amount: string
  base_amount: string
}

/** A distributor's money in one currency, every figure a sum of rows. */
export type Balance = {
  currency_code: string
  pending: string
  available: string
  held: string
  withdrawn: string
  /** What a negative available balance owes, else "0". */
  debt: string
}

/** A wallet whose cached balances differ from the sums of its ledger. */
export type WalletMismatch = {
  distributor_id: string
  currency_code: string
  cached_available: string
  ledger_available: string
  cached_held: string
  ledger_held: string
  cached_withdrawn: string
  ledger_withdrawn: string
}

export type WithdrawalDTO = InferTypeOf<typeof Withdrawal>

/** One audit row: who decided what, on which entity, with what data. */
export type AuditEntry = {
  actor_type: AuditActorType
  actor_id?: string | null
  action: string
  entity_type: string
  entity_id: string
  data?: Record<string, unknown> | null
}

export type AdjustBalanceInput = {
  distributor_id: string
  currency_code: string
  /** Signed: a credit is positive, a debit negative. */
  amount: string
  reason: string
  /** The admin who adjusts. */
  actor_id: string
  /** The caller's key, scoped to the distributor: a retry with it changes nothing. */
  idempotency_key: string
}

export type RequestWithdrawalInput = {
  distributor_id: string
  /** The customer who asks (the distributor's own): the audit row's actor. */
  customer_id: string
  amount: string
  currency_code?: string | null
  method: WithdrawalMethod
  /** The payout account, already encrypted (encryptPersonalData): the plain one never travels further. */
  payout_account: string
  account_masked: Record<string, string | null>
  note?: string | null
  idempotency_key?: string | null
}

export type TransitionWithdrawalInput = {
  id: string
  action: WithdrawalAction
  actor_id?: string | null
  reason?: string | null
  transaction_reference?: string | null
}

/** The fields a withdrawal's transition changes, as they were before it (for the compensation). */
export type WithdrawalSnapshot = {
  id: string
  distributor_id: string
  currency_code: string
  amount: string
  status: WithdrawalStatus
  reject_reason: string | null
  transaction_reference: string | null
  approved_at: Date | null
  approved_by: string | null
  rejected_at: Date | null
  rejected_by: string | null
  paid_at: Date | null
  paid_by: string | null
}
