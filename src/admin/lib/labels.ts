import { useMemo } from "react"
import { useTranslation } from "react-i18next"
import type {
  ApplicationMode,
  BindingMode,
  BindingSource,
  CommissionBase,
  CommissionStatus,
  CouponCommission,
  CouponSource,
  CouponStatus,
  DistributorStatus,
  GroupMemberStatus,
  GroupOverflow,
  GroupRefundStatus,
  GroupStatus,
  LedgerKind,
  RuleMode,
  RuleTargetType,
  SaleCommission,
  SaleStatus,
  SettleOn,
  WithdrawalAction,
  WithdrawalMethod,
  WithdrawalStatus,
} from "../../modules/distribution/constants"
import type { FlashSalePhase, FlashSaleReservation, GroupBuyPhase } from "./types"

/**
 * The words for the programme's enumerations, each value spelled out with its
 * literal key: the key test sees every key the admin uses, and the types make
 * a new status or method without its words a compile error.
 */
export function useLabels() {
  const { t } = useTranslation("distribution")
  return useMemo(
    () => ({
      methods: {
        bank: t("methods.bank"),
        alipay: t("methods.alipay"),
        wechat: t("methods.wechat"),
        paypal: t("methods.paypal"),
        manual: t("methods.manual"),
      } satisfies Record<WithdrawalMethod, string>,
      ledgerKinds: {
        commission_settled: t("ledger.kinds.commission_settled"),
        commission_clawed_back: t("ledger.kinds.commission_clawed_back"),
        withdrawal_held: t("ledger.kinds.withdrawal_held"),
        withdrawal_released: t("ledger.kinds.withdrawal_released"),
        withdrawal_paid: t("ledger.kinds.withdrawal_paid"),
        manual_adjustment: t("ledger.kinds.manual_adjustment"),
        group_leader_bonus: t("ledger.kinds.group_leader_bonus"),
      } satisfies Record<LedgerKind, string>,
      balances: {
        available: t("balances.available"),
        pending: t("balances.pending"),
        held: t("balances.held"),
        withdrawn: t("balances.withdrawn"),
        debt: t("balances.debt"),
      },
      statuses: {
        distributor: {
          pending: t("statuses.distributor.pending"),
          active: t("statuses.distributor.active"),
          rejected: t("statuses.distributor.rejected"),
          suspended: t("statuses.distributor.suspended"),
        } satisfies Record<DistributorStatus, string>,
        commission: {
          pending: t("statuses.commission.pending"),
          settled: t("statuses.commission.settled"),
          reversed: t("statuses.commission.reversed"),
        } satisfies Record<CommissionStatus, string>,
        withdrawal: {
          requested: t("statuses.withdrawal.requested"),
          approved: t("statuses.withdrawal.approved"),
          rejected: t("statuses.withdrawal.rejected"),
          paid: t("statuses.withdrawal.paid"),
        } satisfies Record<WithdrawalStatus, string>,
        coupon: {
          active: t("statuses.coupon.active"),
          suspended: t("statuses.coupon.suspended"),
          disabled: t("statuses.coupon.disabled"),
        } satisfies Record<CouponStatus, string>,
        sale: {
          upcoming: t("statuses.sale.upcoming"),
          live: t("statuses.sale.live"),
          ended: t("statuses.sale.ended"),
        } satisfies Record<SaleStatus, string>,
        flashSale: {
          live: t("statuses.flashSale.live"),
          upcoming: t("statuses.flashSale.upcoming"),
          ended: t("statuses.flashSale.ended"),
          closed: t("statuses.flashSale.closed"),
          active: t("statuses.flashSale.active"),
        } satisfies Record<FlashSalePhase | "active", string>,
        reservation: {
          reserved: t("statuses.reservation.reserved"),
          consumed: t("statuses.reservation.consumed"),
          released: t("statuses.reservation.released"),
        } satisfies Record<FlashSaleReservation["status"], string>,
        groupBuy: {
          scheduled: t("statuses.groupBuy.scheduled"),
          live: t("statuses.groupBuy.live"),
          ended: t("statuses.groupBuy.ended"),
          closed: t("statuses.groupBuy.closed"),
          active: t("statuses.groupBuy.active"),
        } satisfies Record<GroupBuyPhase | "active", string>,
        group: {
          forming: t("statuses.group.forming"),
          open: t("statuses.group.open"),
          succeeded: t("statuses.group.succeeded"),
          failed: t("statuses.group.failed"),
          abandoned: t("statuses.group.abandoned"),
        } satisfies Record<GroupStatus, string>,
        groupMember: {
          reserved: t("statuses.groupMember.reserved"),
          paid: t("statuses.groupMember.paid"),
          released: t("statuses.groupMember.released"),
          canceled: t("statuses.groupMember.canceled"),
        } satisfies Record<GroupMemberStatus, string>,
        refund: {
          pending: t("statuses.refund.pending"),
          refunding: t("statuses.refund.refunding"),
          refunded: t("statuses.refund.refunded"),
          failed: t("statuses.refund.failed"),
        } satisfies Record<GroupRefundStatus, string>,
      },
      /** Why a reservation's quota went back (the server's release_reason). */
      releaseReasons: {
        expired: t("flashSales.releaseReasons.expired"),
        order_canceled: t("flashSales.releaseReasons.order_canceled"),
        checkout_failed: t("flashSales.releaseReasons.checkout_failed"),
        group_closed: t("flashSales.releaseReasons.group_closed"),
      } as Record<string, string>,
      /** The last-seat race's losers: lead a new group, or are refused. */
      overflows: {
        new_group: t("groupBuys.overflows.new_group"),
        refuse: t("groupBuys.overflows.refuse"),
      } satisfies Record<GroupOverflow, string>,
      /** A coupon's own commission policy; `programme`: none of its own (the programme's applies). */
      couponPolicies: {
        programme: t("coupons.policies.programme"),
        normal: t("coupons.policies.normal"),
        rates: t("coupons.policies.rates"),
        excluded: t("coupons.policies.excluded"),
      } satisfies Record<CouponCommission | "programme", string>,
      salePolicies: {
        normal: t("sales.policies.normal"),
        rates: t("sales.policies.rates"),
        excluded: t("sales.policies.excluded"),
      } satisfies Record<SaleCommission, string>,
      couponSources: {
        auto: t("coupons.sources.auto"),
        admin: t("coupons.sources.admin"),
        request: t("coupons.sources.request"),
      } satisfies Record<CouponSource, string>,
      sources: {
        link: t("sources.link"),
        code: t("sources.code"),
        qr: t("sources.qr"),
        coupon: t("sources.coupon"),
        admin: t("sources.admin"),
      } satisfies Record<BindingSource, string>,
      targets: {
        variant: t("rules.targets.variant"),
        product: t("rules.targets.product"),
        category: t("rules.targets.category"),
        collection: t("rules.targets.collection"),
      } satisfies Record<RuleTargetType, string>,
      modes: {
        rate: t("rules.modes.rate"),
        fixed: t("rules.modes.fixed"),
        excluded: t("rules.modes.excluded"),
      } satisfies Record<RuleMode, string>,
      modeHints: {
        rate: t("rules.modeHints.rate"),
        fixed: t("rules.modeHints.fixed"),
        excluded: t("rules.modeHints.excluded"),
      } satisfies Record<RuleMode, string>,
      leaderboardBy: {
        sales: t("overview.leaderboard.by.sales"),
        commissions: t("overview.leaderboard.by.commissions"),
        recruits: t("overview.leaderboard.by.recruits"),
      },
      reviewDone: {
        approve: t("actions.done.approve"),
        reject: t("actions.done.reject"),
        suspend: t("actions.done.suspend"),
        reinstate: t("actions.done.reinstate"),
      },
      withdrawalDone: {
        approve: t("withdrawals.done.approve"),
        reject: t("withdrawals.done.reject"),
        pay: t("withdrawals.done.pay"),
      } satisfies Record<WithdrawalAction, string>,
      /** The audit trail's actions; one the admin has no words for shows as written. */
      audit: {
        "withdrawal.request": t("audit.withdrawal.request"),
        "withdrawal.approve": t("audit.withdrawal.approve"),
        "withdrawal.reject": t("audit.withdrawal.reject"),
        "withdrawal.pay": t("audit.withdrawal.pay"),
        "withdrawal.export": t("audit.withdrawal.export"),
      } as Record<string, string | undefined>,
      nav: {
        distribution: t("nav.distribution"),
        distributors: t("nav.distributors"),
        applications: t("nav.applications"),
        withdrawals: t("nav.withdrawals"),
        coupons: t("nav.coupons"),
        sales: t("nav.sales"),
        flashSales: t("nav.flashSales"),
        groupBuys: t("nav.groupBuys"),
        levels: t("nav.levels"),
        rules: t("nav.rules"),
        settings: t("nav.settings"),
      },
      applicationModes: {
        auto: t("settings.options.application_mode.auto"),
        review: t("settings.options.application_mode.review"),
        after_first_order: t("settings.options.application_mode.after_first_order"),
        min_spend: t("settings.options.application_mode.min_spend"),
        invite_only: t("settings.options.application_mode.invite_only"),
      } satisfies Record<ApplicationMode, string>,
      bindingModes: {
        first_touch: t("settings.options.binding_mode.first_touch"),
        last_touch: t("settings.options.binding_mode.last_touch"),
      } satisfies Record<BindingMode, string>,
      settleOn: {
        fulfilled: t("settings.options.settle_on.fulfilled"),
        shipped: t("settings.options.settle_on.shipped"),
        delivered: t("settings.options.settle_on.delivered"),
      } satisfies Record<SettleOn, string>,
      commissionBases: {
        subtotal_after_discounts: t("settings.options.commission_base.subtotal_after_discounts"),
      } satisfies Record<CommissionBase, string>,
    }),
    [t]
  )
}

export type Labels = ReturnType<typeof useLabels>
