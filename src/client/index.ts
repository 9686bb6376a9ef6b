import type Medusa from "@medusajs/js-sdk"
import type { z } from "@medusajs/framework/zod"
import type * as S from "../api/openapi/schemas"
import type { StoreRequestWithdrawal } from "../api/store/distribution/withdrawals/validators"
import type { StoreCheckoutGroupBuy } from "../api/store/distribution/group-buys/validators"
import type { StoreCheckoutFlashSale } from "../api/store/distribution/flash-sales/validators"

/**
 * A typed client of the distributor centre's store API for storefronts, apps
 * and mini-programs: thin functions over @medusajs/js-sdk's `client.fetch`
 * (which adds the publishable key and the customer's token). The response
 * types are inferred from the same zod schemas as the OpenAPI document. Every
 * amount is an `Amount`: a decimal string with the currency's precision
 * ("2.50", "1250" for JPY), never a number, so no float touches money.
 *
 *   const centre = distributionClient(sdk)
 *   const { summary } = await centre.summary({ tz: "Asia/Shanghai" })
 *
 * The selling tools' admin routes have their own client (./admin).
 */
export type Out<T extends z.ZodType> = z.output<T>

export type Amount = Out<typeof S.Amount>
export type Balance = Out<typeof S.Balance>
export type OwnDistributor = Out<typeof S.OwnDistributor>
export type Binding = Out<typeof S.Binding>
export type TeamMember = Out<typeof S.TeamMember>
export type OwnCommission = Out<typeof S.OwnCommission>
export type AttributedOrder = Out<typeof S.AttributedOrder>
export type CentreSummary = Out<typeof S.CentreSummary>
export type EarningProduct = Out<typeof S.EarningProduct>
export type EarningVariant = Out<typeof S.EarningVariant>
export type StatsBucket = Out<typeof S.StatsBucket>

export type ApplyResponse = Out<typeof S.StoreApplyResponse>
export type MeResponse = Out<typeof S.StoreMeResponse>
export type BindResponse = Out<typeof S.StoreBindResponse>
export type VisitResponse = Out<typeof S.StoreVisitResponse>
export type TeamResponse = Out<typeof S.StoreTeamResponse>
export type TeamChildrenResponse = Out<typeof S.StoreTeamChildrenResponse>
export type CommissionsResponse = Out<typeof S.StoreCommissionsResponse>
export type OrdersResponse = Out<typeof S.StoreOrdersResponse>
export type SummaryResponse = Out<typeof S.StoreSummaryResponse>
export type ProductsResponse = Out<typeof S.StoreProductsResponse>
export type LinkResponse = Out<typeof S.StoreLinkResponse>
export type StatsResponse = Out<typeof S.StoreStatsResponse>
export type StoreSale = Out<typeof S.StoreSale>
export type SaleProduct = Out<typeof S.SaleProduct>
export type SalesResponse = Out<typeof S.StoreSalesResponse>
export type GroupBuy = Out<typeof S.GroupBuy>
export type Group = Out<typeof S.Group>
export type GroupBuysResponse = Out<typeof S.StoreGroupBuysResponse>
export type GroupBuyResponse = Out<typeof S.StoreGroupBuyResponse>
export type GroupResponse = Out<typeof S.StoreGroupResponse>
export type GroupCheckoutResponse = Out<typeof S.StoreGroupCheckoutResponse>
export type MyGroupsResponse = Out<typeof S.StoreMyGroupsResponse>
export type GroupCheckoutInput = z.input<typeof StoreCheckoutGroupBuy>
export type StoreFlashSale = Out<typeof S.StoreFlashSale>
export type FlashSalesResponse = Out<typeof S.StoreFlashSalesResponse>
export type FlashSaleResponse = Out<typeof S.StoreFlashSaleResponse>
export type ActivityReservation = Out<typeof S.ActivityReservation>
export type ActivityCheckoutResponse = Out<typeof S.StoreActivityCheckoutResponse>
export type ActivityReservationsResponse = Out<typeof S.StoreActivityReservationsResponse>
export type StoreCoupon = Out<typeof S.StoreCoupon>
export type CouponResponse = Out<typeof S.StoreCouponResponse>
export type CouponIssuedResponse = Out<typeof S.StoreCouponIssuedResponse>
export type Share = Out<typeof S.Share>
export type ShareResponse = Out<typeof S.StoreShareResponse>

type Page = { limit?: number; offset?: number }
type BindingSource = "link" | "code" | "qr" | "coupon"

export type ApplyInput = { name?: string | null; phone?: string | null; reason?: string | null; referral_code?: string | null }
export type BindInput = { referral_code: string; source?: BindingSource }
export type VisitInput = { referral_code: string; source?: "link" | "code" | "qr"; landing_path?: string | null; visitor_id?: string }
export type TeamQuery = Page & { depth?: 1 | 2 | 3; status?: string | string[] }
export type TeamChildrenQuery = Omit<TeamQuery, "depth">
export type CommissionsQuery = Page & { status?: string | string[]; depth?: number; from?: string; to?: string }
export type ProductsQuery = Page & { q?: string; category_id?: string | string[]; region_id?: string }
/** A flash-sale checkout: the variant, how many (default 1), the region (default: the store's), the referral code to credit. */
export type FlashSaleCheckoutInput = z.input<typeof StoreCheckoutFlashSale>
export type StatsQuery = { from?: string; to?: string; interval?: "day" | "week" | "month"; tz?: string; currency_code?: string }

export type Withdrawal = Out<typeof S.Withdrawal>
export type WithdrawalStatus = Withdrawal["status"]
export type WithdrawalsResponse = Out<typeof S.StoreWithdrawalsResponse>
export type WithdrawalResponse = Out<typeof S.StoreWithdrawalResponse>
export type WithdrawalRequestedResponse = Out<typeof S.StoreWithdrawalRequestedResponse>
/** What a storefront sends: the payout account's fields depend on the method. */
export type RequestWithdrawalInput = z.input<typeof StoreRequestWithdrawal>

const BASE = "/store/distribution"

export function distributionClient(sdk: Pick<Medusa, "client">) {
  const get = <T>(path: string, query?: Record<string, unknown>) =>
    sdk.client.fetch<T>(`${BASE}${path}`, { method: "GET", query })
  const post = <T>(path: string, body: object) =>
    sdk.client.fetch<T>(`${BASE}${path}`, { method: "POST", body })

  return {
    apply: (input: ApplyInput = {}) => post<ApplyResponse>("/apply", input),
    me: () => get<MeResponse>("/me"),
    summary: (query: { tz?: string } = {}) => get<SummaryResponse>("/me/summary", query),
    bind: (input: BindInput) => post<BindResponse>("/bind", input),
    recordVisit: (input: VisitInput) => post<VisitResponse>("/visits", input),
    team: (query: TeamQuery = {}) => get<TeamResponse>("/team", query),
    /** One member's direct recruits (the caller's own id: its direct recruits), to open the team member by member. */
    teamChildren: (memberId: string, query: TeamChildrenQuery = {}) =>
      get<TeamChildrenResponse>(`/team/${encodeURIComponent(memberId)}/children`, query),
    commissions: (query: CommissionsQuery = {}) => get<CommissionsResponse>("/commissions", query),
    orders: (query: Page = {}) => get<OrdersResponse>("/orders", query),
    products: (query: ProductsQuery = {}) => get<ProductsResponse>("/products", query),
    link: (path = "/") => get<LinkResponse>("/link", { path }),
    /** What a mini-program code's scene stands for (no login): the sharer's code, the target, its URL. */
    share: (scene: string) => get<ShareResponse>(`/share/${encodeURIComponent(scene)}`),
    stats: (query: StatsQuery = {}) => get<StatsResponse>("/stats", query),
    /** Live and upcoming limited-time sales (no login needed): countdowns and products at the region's prices. */
    sales: (query: Page & { region_id?: string } = {}) => get<SalesResponse>("/sales", query),
    /** 拼团 activities running now (no login needed). */
    groupBuys: (query: Page = {}) => get<GroupBuysResponse>("/group-buys", query),
    /** One activity with its open groups to join. */
    groupBuy: (groupBuyId: string) => get<GroupBuyResponse>(`/group-buys/${encodeURIComponent(groupBuyId)}`),
    /** A group's page: seats and time left, members masked, its share link. */
    group: (groupId: string) => get<GroupResponse>(`/groups/${encodeURIComponent(groupId)}`),
    /** Reserves a seat (in group_id, or a new group) and answers the one-item cart to check out with Medusa's own checkout. */
    checkoutGroupBuy: (groupBuyId: string, input: GroupCheckoutInput) =>
      post<GroupCheckoutResponse>(`/group-buys/${encodeURIComponent(groupBuyId)}/checkout`, input),
    /** The caller's own group seats. */
    myGroups: (query: Page = {}) => get<MyGroupsResponse>("/group-buys/me", query),
    /** Flash sales (秒杀) selling now or later (no login needed): current and next slots, prices, remaining quota. */
    flashSales: (query: Page = {}) => get<FlashSalesResponse>("/flash-sales", query),
    flashSale: (id: string) => get<FlashSaleResponse>(`/flash-sales/${encodeURIComponent(id)}`),
    /**
     * Reserves flash-sale quota for the logged-in customer and answers a
     * one-item Medusa cart at the flash-sale price: complete it with Medusa's
     * checkout (sdk.store.cart…) before `reservation.expires_at`.
     */
    checkoutFlashSale: (id: string, input: FlashSaleCheckoutInput) =>
      post<ActivityCheckoutResponse>(`/flash-sales/${encodeURIComponent(id)}/checkout`, input),
    /** The caller's own activity reservations, the latest first. */
    activityReservations: (query: Page & { status?: ActivityReservation["status"] | ActivityReservation["status"][] } = {}) =>
      get<ActivityReservationsResponse>("/activity-reservations", query),
    /** The caller's coupon (null: none yet) and whether it may ask for one. */
    coupon: () => get<CouponResponse>("/coupon"),
    /** Asks for a coupon, when the programme issues them on request (409 when the caller has one). */
    requestCoupon: () => post<CouponIssuedResponse>("/coupon", {}),
    /**
     * The poster's URL, for a page that sends the customer's session cookie
     * (an <img> cannot send a bearer token; use `poster` then).
     */
    posterUrl: (baseUrl: string, productId: string) =>
      `${baseUrl.replace(/\/+$/, "")}${BASE}/poster?product_id=${encodeURIComponent(productId)}`,
    /** The poster as PNG bytes, fetched with the client's credentials. */
    poster: async (productId: string): Promise<ArrayBuffer> => {
      const response = await sdk.client.fetch<Response>(`${BASE}/poster`, {
        method: "GET",
        query: { product_id: productId },
        headers: { accept: "image/png" },
      })
      return await response.arrayBuffer()
    },
    withdrawals: {
      list: (query: Page & { status?: WithdrawalStatus | WithdrawalStatus[] } = {}) =>
        get<WithdrawalsResponse>("/withdrawals", query),
      retrieve: (id: string) => get<WithdrawalResponse>(`/withdrawals/${encodeURIComponent(id)}`),
      request: (input: RequestWithdrawalInput) => post<WithdrawalRequestedResponse>("/withdrawals", input),
    },
  }
}

export type DistributionClient = ReturnType<typeof distributionClient>

export * from "./admin"
export * from "./referral"
