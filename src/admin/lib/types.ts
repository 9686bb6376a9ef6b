// The shapes the admin reads, declared once: the module's enums and the OpenAPI document's
// zod schemas (types only: nothing of the server is bundled into the admin).
import type { z } from "@medusajs/framework/zod"
import type * as C from "../../modules/distribution/constants"
import type * as S from "../../api/openapi/schemas"
import type { Balance } from "../../modules/distribution/types"

export type { Balance }
type Out<T extends z.ZodType> = z.output<T>

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

/** An entity row as the admin asks for it: with its creation time. */
type Row<T extends z.ZodType> = Out<T> & { created_at: string }

export type Level = Row<typeof S.AdminLevel>

export type Distributor = Row<typeof S.AdminDistributor>

export type DistributorSummary = Pick<
  Distributor,
  "id" | "referral_code" | "display_name" | "email" | "status" | "depth" | "team_size" | "direct_count" | "level"
>

export type DistributorDetail = Omit<Out<typeof S.AdminDistributorDetailResponse>, "distributor"> & { distributor: Distributor }

export type Binding = Out<typeof S.AdminBinding>

export type Commission = Row<typeof S.AdminCommission>

export type LedgerEntry = Row<typeof S.AdminLedgerEntryWithReference>

export type Withdrawal = Out<typeof S.AdminWithdrawal>

export type BulkResult = Out<typeof S.AdminBulkWithdrawalsResponse>

export type CommissionRule = Out<typeof S.AdminCommissionRule>

export type Settings = Out<typeof S.AdminSettingsFields>

export type DistributorGroups = Out<typeof S.AdminCustomerGroupsResponse>

export type Summary = Out<typeof S.AdminReportSummaryResponse>


export type Timeseries = Out<typeof S.AdminReportTimeseriesResponse>
export type SeriesPoint = Timeseries["series"][number]

export type Leaderboard = Out<typeof S.AdminReportLeaderboardResponse>

export type ProductReport = Out<typeof S.AdminReportProductsResponse>

export type CommissionPreview = Out<typeof S.AdminCommissionPreviewResponse>

export type ReconcileRuns = Out<typeof S.AdminReconcileRunsResponse>

export type CouponStatus = `${C.CouponStatus}`
export type CouponCommission = `${C.CouponCommission}`
export type Coupon = Out<typeof S.AdminCoupon>
export type CouponDetail = Out<typeof S.AdminCouponDetailResponse>
export type CouponReport = Out<typeof S.AdminReportCouponsResponse>
export type BulkIssueResult = Out<typeof S.AdminBulkIssueCouponsResponse>

export type SaleStatus = `${C.SaleStatus}`
export type SaleCommission = `${C.SaleCommission}`
export type Sale = Out<typeof S.AdminSale>
export type FlashSale = Out<typeof S.AdminFlashSale>
export type FlashSalePhase = FlashSale["phase"]
export type FlashSaleReservation = Out<typeof S.AdminFlashSaleReservation>
export type Group = Out<typeof S.Group>
export type GroupStatus = `${C.GroupStatus}`
export type GroupOverflow = `${C.GroupOverflow}`
/** A 拼团 activity as the list answers it: with its groups counted by outcome. */
export type GroupBuyRow = Out<typeof S.AdminGroupBuysResponse>["group_buys"][number]
export type GroupBuy = Out<typeof S.GroupBuy>
export type GroupBuyPhase = GroupBuy["phase"]
export type GroupBuyReport = Out<typeof S.AdminGroupBuyReportResponse>["report"]
export type GroupDetail = Out<typeof S.AdminGroupResponse>["group"]
export type GroupMember = GroupDetail["members"][number]
