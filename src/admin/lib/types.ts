// The module's own shapes, where the API answers with them unchanged (types only: nothing
// of the server is bundled into the admin).
import type { BindingSource, CommissionBase, LedgerKind } from "../../modules/distribution/constants"
import type { Balance } from "../../modules/distribution/types"
import type { TimeseriesRow as SeriesPoint } from "../../modules/distribution/queries/reports"

export type { Balance, SeriesPoint }

/**
 * The shapes the plugin's admin API answers with. Every amount is a decimal string in
 * the currency's major unit with the currency's precision ("2.50", "1250" for JPY).
 */
export type DistributorStatus = "pending" | "active" | "rejected" | "suspended"
export type CommissionStatus = "pending" | "settled" | "reversed"
export type WithdrawalStatus = "requested" | "approved" | "rejected" | "paid"
export type WithdrawalMethod = "bank" | "alipay" | "wechat" | "paypal" | "manual"

export type List<K extends string, T> = { [key in K]: T[] } & { count: number; limit: number; offset: number }

export type LevelSummary = {
  id: string
  name: string
  rank: number
  rate_bps_1: number
  rate_bps_2: number
  rate_bps_3: number
}

export type Level = LevelSummary & {
  description: string | null
  upgrade_personal_sales: string | null
  upgrade_team_sales: string | null
  upgrade_direct_recruits: number | null
  upgrade_orders: number | null
  is_default: boolean
  created_at: string
}

export type Distributor = {
  id: string
  customer_id: string
  email: string | null
  display_name: string | null
  referral_code: string | null
  status: DistributorStatus
  parent_id: string | null
  level_id?: string | null
  depth: number
  team_size: number
  direct_count: number
  activated_at: string | null
  reviewed_at: string | null
  reviewed_by?: string | null
  reject_reason?: string | null
  suspend_reason?: string | null
  created_at: string
  level: LevelSummary | null
  application?: { name: string | null; phone: string | null; reason: string | null } | null
}

export type DistributorSummary = Pick<
  Distributor,
  "id" | "referral_code" | "display_name" | "email" | "status" | "depth" | "team_size" | "direct_count" | "level"
>

export type DistributorDetail = {
  distributor: Distributor
  customer: { id: string; email: string; first_name: string | null; last_name: string | null; phone: string | null } | null
  upline: DistributorSummary[]
  children: { members: DistributorSummary[]; count: number }
  binding: Binding | null
}

export type Binding = {
  id: string
  customer_id: string
  distributor_id: string
  source: BindingSource
  bound_at: string
  expires_at: string | null
}

export type Commission = {
  id: string
  order_id: string
  line_item_id: string
  distributor_id: string
  depth: number
  attribution: string
  product_id: string | null
  quantity: number
  base_amount: string
  rate_bps: number | null
  rate_source: string
  amount: string
  reversed_amount: string
  currency_code: string
  status: CommissionStatus
  eligible_at: string | null
  settled_at: string | null
  created_at: string
}


export type LedgerEntry = {
  id: string
  currency_code: string
  kind: LedgerKind
  amount: string
  reference_type: string
  reference_id: string
  reason: string | null
  created_at: string
  /** The order a commission entry is about (its number as the merchant knows it). */
  order: { id: string; display_id: number | null } | null
  /** The withdrawal a withdrawal entry moved. */
  withdrawal: { id: string; status: string; created_at: string } | null
}

export type Withdrawal = {
  id: string
  distributor_id: string
  distributor?: { id: string; display_name: string | null; email: string | null; referral_code: string | null }
  amount: string
  fee: string
  fee_bps: number
  net_amount: string
  currency_code: string
  method: WithdrawalMethod
  account: Record<string, string | null> | null
  note: string | null
  status: WithdrawalStatus
  reject_reason: string | null
  transaction_reference: string | null
  approved_at: string | null
  approved_by: string | null
  rejected_at: string | null
  rejected_by: string | null
  paid_at: string | null
  paid_by: string | null
  created_at: string
}

export type BulkResult = { results: { id: string; ok: boolean; status?: string; message?: string }[] }

export type CommissionRule = {
  id: string
  target_type: "variant" | "product" | "category" | "collection"
  target_id: string
  mode: "rate" | "fixed" | "excluded"
  rate_bps_1: number | null
  rate_bps_2: number | null
  rate_bps_3: number | null
  fixed_amount_1: string | null
  fixed_amount_2: string | null
  fixed_amount_3: string | null
  currency_code: string | null
  note: string | null
  target?: { id: string; type: string; title: string | null }
  created_at: string
}

export type Settings = {
  enabled: boolean
  max_depth: number
  application_mode: "auto" | "review" | "after_first_order" | "min_spend" | "invite_only"
  application_min_spend: string
  self_purchase: boolean
  binding_mode: "first_touch" | "last_touch"
  binding_days: number
  bind_new_customers_only: boolean
  commission_base: CommissionBase
  settle_on: "fulfilled" | "shipped" | "delivered"
  freeze_days: number
  order_cap_bps: number
  min_withdrawal: string
  withdrawal_fee_bps: number
  withdrawal_methods: WithdrawalMethod[]
  default_rate_bps_1: number
  default_rate_bps_2: number
  default_rate_bps_3: number
  currency_code: string
  currency_follows_store: boolean
}

export type Summary = {
  from: string
  to: string
  currency_code: string
  currencies: string[]
  distributors: { active: number; pending: number; suspended: number; rejected: number; new: number }
  pending_applications: number
  pending_withdrawals: { count: number; amount: string }
  sales: string
  orders: number
  commissions: { pending: string; settled: string; reversed: string }
  withdrawn: string
  visits: number
  conversion_rate: string
}


export type Timeseries = { interval: "day" | "week" | "month"; from: string; to: string; currency_code: string; series: SeriesPoint[] }

export type Leaderboard = {
  by: "sales" | "commissions" | "recruits"
  rows: { rank: number; distributor_id: string; display_name: string | null; email: string | null; referral_code: string | null; value: string | number }[]
}

export type ProductReport = {
  products: { product_id: string; title: string | null; quantity: number; orders: number; sales: string; commissions: string }[]
  count: number
  limit: number
  offset: number
}

export type CommissionPreview = {
  product_id: string
  rules: CommissionRule[]
  max_depth: number
  variants: {
    variant_id: string
    title: string
    sku: string | null
    prices: {
      currency_code: string
      amount: string
      levels: { level_id: string | null; level_name: string | null; depths: { depth: number; source: string; rate_bps: number | null; amount: string }[] }[]
    }[]
  }[]
}
