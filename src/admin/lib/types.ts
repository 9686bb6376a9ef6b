// The shapes the admin reads, declared once: the module's enums and the OpenAPI document's
// zod schemas (types only: nothing of the server is bundled into the admin).
import type { z } from "@medusajs/framework/zod"
import type * as C from "../../modules/distribution/constants"
import type * as S from "../../api/openapi/schemas"
import type { Balance } from "../../modules/distribution/types"

export type { Balance }
type Out<T extends z.ZodType> = z.output<T>
type BindingSource = `${C.BindingSource}`
type LedgerKind = `${C.LedgerKind}`

/**
 * The shapes the plugin's admin API answers with. Every amount is a decimal string in
 * the currency's major unit with the currency's precision ("2.50", "1250" for JPY).
 */
export type DistributorStatus = `${C.DistributorStatus}`
export type CommissionStatus = `${C.CommissionStatus}`
export type WithdrawalStatus = `${C.WithdrawalStatus}`
export type WithdrawalMethod = `${C.WithdrawalMethod}`

export type List<K extends string, T> = { [key in K]: T[] } & { count: number; limit: number; offset: number }

export type LevelSummary = Out<typeof S.LevelSummary>

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

export type Withdrawal = Out<typeof S.AdminWithdrawal>

export type BulkResult = Out<typeof S.AdminBulkWithdrawalsResponse>

export type CommissionRule = Out<typeof S.AdminCommissionRule>

export type Settings = Out<typeof S.AdminSettingsFields>

export type Summary = Out<typeof S.AdminReportSummaryResponse>


export type Timeseries = Out<typeof S.AdminReportTimeseriesResponse>
export type SeriesPoint = Timeseries["series"][number]

export type Leaderboard = Out<typeof S.AdminReportLeaderboardResponse>

export type ProductReport = Out<typeof S.AdminReportProductsResponse>

export type CommissionPreview = Out<typeof S.AdminCommissionPreviewResponse>

export type ReconcileRuns = Out<typeof S.AdminReconcileRunsResponse>
