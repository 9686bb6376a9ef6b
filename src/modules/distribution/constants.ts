/**
 * Every state machine and enumeration of the programme lives here once, shared by
 * the models, the validators, the workflows and the admin.
 */
export const DISTRIBUTION_MODULE = "distribution"

export const DistributorStatus = {
  PENDING: "pending",
  ACTIVE: "active",
  REJECTED: "rejected",
  SUSPENDED: "suspended",
} as const
export type DistributorStatus =
  (typeof DistributorStatus)[keyof typeof DistributorStatus]
export const DISTRIBUTOR_STATUSES = Object.values(DistributorStatus)

export const ApplicationMode = {
  AUTO: "auto",
  REVIEW: "review",
  AFTER_FIRST_ORDER: "after_first_order",
  MIN_SPEND: "min_spend",
  INVITE_ONLY: "invite_only",
} as const
export type ApplicationMode =
  (typeof ApplicationMode)[keyof typeof ApplicationMode]
export const APPLICATION_MODES = Object.values(ApplicationMode)

export const BindingMode = {
  FIRST_TOUCH: "first_touch",
  LAST_TOUCH: "last_touch",
} as const
export type BindingMode = (typeof BindingMode)[keyof typeof BindingMode]
export const BINDING_MODES = Object.values(BindingMode)

export const BindingSource = {
  LINK: "link",
  CODE: "code",
  QR: "qr",
  COUPON: "coupon",
  ADMIN: "admin",
} as const
export type BindingSource = (typeof BindingSource)[keyof typeof BindingSource]
export const BINDING_SOURCES = Object.values(BindingSource)
/** The sources a storefront may claim; `admin` is for admins only. */
export const STORE_BINDING_SOURCES = [
  BindingSource.LINK,
  BindingSource.CODE,
  BindingSource.QR,
  BindingSource.COUPON,
] as const

export const VisitSource = {
  LINK: "link",
  CODE: "code",
  QR: "qr",
} as const
export type VisitSource = (typeof VisitSource)[keyof typeof VisitSource]
export const VISIT_SOURCES = Object.values(VisitSource)

export const SettleOn = {
  FULFILLED: "fulfilled",
  SHIPPED: "shipped",
  DELIVERED: "delivered",
} as const
export type SettleOn = (typeof SettleOn)[keyof typeof SettleOn]
export const SETTLE_ON_STATES = Object.values(SettleOn)

export const CommissionBase = {
  SUBTOTAL_AFTER_DISCOUNTS: "subtotal_after_discounts",
} as const
export type CommissionBase =
  (typeof CommissionBase)[keyof typeof CommissionBase]
export const COMMISSION_BASES = Object.values(CommissionBase)

export const WithdrawalMethod = {
  BANK: "bank",
  ALIPAY: "alipay",
  WECHAT: "wechat",
  PAYPAL: "paypal",
  MANUAL: "manual",
} as const
export type WithdrawalMethod =
  (typeof WithdrawalMethod)[keyof typeof WithdrawalMethod]
export const WITHDRAWAL_METHODS = Object.values(WithdrawalMethod)

export const WithdrawalStatus = {
  REQUESTED: "requested",
  APPROVED: "approved",
  REJECTED: "rejected",
  PAID: "paid",
} as const
export type WithdrawalStatus =
  (typeof WithdrawalStatus)[keyof typeof WithdrawalStatus]
export const WITHDRAWAL_STATUSES = Object.values(WithdrawalStatus)

/** An admin's decisions on a withdrawal request. */
export const WithdrawalAction = {
  APPROVE: "approve",
  REJECT: "reject",
  PAY: "pay",
} as const
export type WithdrawalAction =
  (typeof WithdrawalAction)[keyof typeof WithdrawalAction]
export const WITHDRAWAL_ACTIONS = Object.values(WithdrawalAction)

export const AuditActorType = {
  ADMIN: "admin",
  CUSTOMER: "customer",
  SYSTEM: "system",
} as const
export type AuditActorType =
  (typeof AuditActorType)[keyof typeof AuditActorType]
export const AUDIT_ACTOR_TYPES = Object.values(AuditActorType)

export const CommissionStatus = {
  PENDING: "pending",
  SETTLED: "settled",
  REVERSED: "reversed",
} as const
export type CommissionStatus = (typeof CommissionStatus)[keyof typeof CommissionStatus]
export const COMMISSION_STATUSES = Object.values(CommissionStatus)

export const RuleTargetType = {
  VARIANT: "variant",
  PRODUCT: "product",
  CATEGORY: "category",
  COLLECTION: "collection",
} as const
export type RuleTargetType = (typeof RuleTargetType)[keyof typeof RuleTargetType]
export const RULE_TARGET_TYPES = Object.values(RuleTargetType)

export const RuleMode = {
  RATE: "rate",
  FIXED: "fixed",
  EXCLUDED: "excluded",
} as const
export type RuleMode = (typeof RuleMode)[keyof typeof RuleMode]
export const RULE_MODES = Object.values(RuleMode)

export const LedgerKind = {
  COMMISSION_SETTLED: "commission_settled",
  COMMISSION_CLAWED_BACK: "commission_clawed_back",
  WITHDRAWAL_HELD: "withdrawal_held",
  WITHDRAWAL_RELEASED: "withdrawal_released",
  WITHDRAWAL_PAID: "withdrawal_paid",
  MANUAL_ADJUSTMENT: "manual_adjustment",
  GROUP_LEADER_BONUS: "group_leader_bonus",
} as const
export type LedgerKind = (typeof LedgerKind)[keyof typeof LedgerKind]
export const LEDGER_KINDS = Object.values(LedgerKind)

/** Which Medusa customer groups the plugin keeps its active distributors in (分销价: price lists and promotions point at them). */
export const DistributorGroupMode = {
  OFF: "off",
  ONE: "one",
  PER_LEVEL: "per_level",
} as const
export type DistributorGroupMode = (typeof DistributorGroupMode)[keyof typeof DistributorGroupMode]
export const DISTRIBUTOR_GROUP_MODES = Object.values(DistributorGroupMode)
/** The metadata key marking a customer group as the plugin's: "programme", or the level's id. */
export const DISTRIBUTOR_GROUP_METADATA = "distribution_group"
/** How a distributor's coupon came to be: on approval, by an admin, or on the distributor's request. */
export const CouponSource = {
  AUTO: "auto",
  ADMIN: "admin",
  REQUEST: "request",
} as const
export type CouponSource = (typeof CouponSource)[keyof typeof CouponSource]
export const COUPON_SOURCES = Object.values(CouponSource)

/**
 * A coupon's state, mirrored on its Medusa promotion: active (promotion
 * active), suspended (inactive while its owner is suspended; reinstating the
 * owner makes it active again), disabled (inactive by an admin's decision).
 */
export const CouponStatus = {
  ACTIVE: "active",
  SUSPENDED: "suspended",
  DISABLED: "disabled",
} as const
export type CouponStatus = (typeof CouponStatus)[keyof typeof CouponStatus]
export const COUPON_STATUSES = Object.values(CouponStatus)

/** When a distributor gets its coupon: on approval, when it asks for one, or only when an admin issues it. */
export const CouponIssue = {
  ON_APPROVAL: "on_approval",
  ON_REQUEST: "on_request",
  ADMIN_ONLY: "admin_only",
} as const
export type CouponIssue = (typeof CouponIssue)[keyof typeof CouponIssue]
export const COUPON_ISSUE_MODES = Object.values(CouponIssue)

/** Whether an order's coupon beats the buyer's binding for level one, or the binding beats the coupon. */
export const CouponAttribution = {
  COUPON_FIRST: "coupon_first",
  BINDING_FIRST: "binding_first",
} as const
export type CouponAttribution = (typeof CouponAttribution)[keyof typeof CouponAttribution]
export const COUPON_ATTRIBUTIONS = Object.values(CouponAttribution)

/**
 * What an order attributed to a coupon's owner pays: the usual rates (rules,
 * level, defaults), the coupon's own rates per depth (an "excluded" rule still
 * excludes), or nothing at all.
 */
export const CouponCommission = {
  NORMAL: "normal",
  RATES: "rates",
  EXCLUDED: "excluded",
} as const
export type CouponCommission = (typeof CouponCommission)[keyof typeof CouponCommission]
export const COUPON_COMMISSIONS = Object.values(CouponCommission)

/** The coupon actions an admin takes on one coupon. */
export const CouponAction = {
  DISABLE: "disable",
  ENABLE: "enable",
} as const
export type CouponAction = (typeof CouponAction)[keyof typeof CouponAction]

/**
 * What an order line bought in a sale (限时折扣) pays: the usual rates on what
 * was paid (the sale price), the sale's own rates per depth (an "excluded"
 * rule still excludes), or nothing for that line.
 */
export const SaleCommission = {
  NORMAL: "normal",
  RATES: "rates",
  EXCLUDED: "excluded",
} as const
export type SaleCommission = (typeof SaleCommission)[keyof typeof SaleCommission]
export const SALE_COMMISSIONS = Object.values(SaleCommission)

/** Where a sale is in its window (derived from starts_at/ends_at, never stored). */
export const SaleStatus = {
  UPCOMING: "upcoming",
  LIVE: "live",
  ENDED: "ended",
} as const
export type SaleStatus = (typeof SaleStatus)[keyof typeof SaleStatus]
export const SALE_STATUSES = Object.values(SaleStatus)

/** What a share (a link, a 小程序码) opens: the home page, a product, a sale, the owner's coupon, or any other store page. */
export const ShareTarget = {
  HOME: "home",
  PRODUCT: "product",
  SALE: "sale",
  COUPON: "coupon",
  PAGE: "page",
  /** A 拼团 group's page, shared by its leader. */
  GROUP: "group",
} as const
export type ShareTarget = (typeof ShareTarget)[keyof typeof ShareTarget]
export const SHARE_TARGETS = Object.values(ShareTarget)
/**
 * Activity checkout (秒杀 flash sales, 拼团 group buys): the kinds of activity
 * whose buyers reserve a seat or quota before paying, and the states of that
 * reservation. reserved → consumed (order placed) → released (order canceled:
 * the quota goes back); reserved → released (expired or given up).
 */
export const ActivityKind = {
  FLASH_SALE: "flash_sale",
  GROUP_BUY: "group_buy",
} as const
export type ActivityKind = (typeof ActivityKind)[keyof typeof ActivityKind]
export const ACTIVITY_KINDS = Object.values(ActivityKind)

export const ReservationStatus = {
  RESERVED: "reserved",
  CONSUMED: "consumed",
  RELEASED: "released",
} as const
export type ReservationStatus = (typeof ReservationStatus)[keyof typeof ReservationStatus]
export const RESERVATION_STATUSES = Object.values(ReservationStatus)

/** A flash sale (秒杀) is active until an admin closes it (a closed one is never reopened, as yudao's). */
export const FlashSaleStatus = {
  ACTIVE: "active",
  CLOSED: "closed",
} as const
export type FlashSaleStatus = (typeof FlashSaleStatus)[keyof typeof FlashSaleStatus]
export const FLASH_SALE_STATUSES = Object.values(FlashSaleStatus)

/** China's rules on multi-level pay: never more than three levels, whatever is configured. */
export const MAX_COMMISSION_DEPTH = 3

/** Events emitted by the programme, one per change of state. */
export const DistributionEvents = {
  DISTRIBUTOR_APPLIED: "distribution.distributor.applied",
  DISTRIBUTOR_APPROVED: "distribution.distributor.approved",
  DISTRIBUTOR_REJECTED: "distribution.distributor.rejected",
  DISTRIBUTOR_SUSPENDED: "distribution.distributor.suspended",
  DISTRIBUTOR_REINSTATED: "distribution.distributor.reinstated",
  DISTRIBUTOR_MOVED: "distribution.distributor.moved",
  DISTRIBUTOR_LEVEL_CHANGED: "distribution.distributor.level_changed",
  BINDING_CREATED: "distribution.binding.created",
  COUPON_ISSUED: "distribution.coupon.issued",
  COUPON_DISABLED: "distribution.coupon.disabled",
  COUPON_ENABLED: "distribution.coupon.enabled",
  COUPON_SUSPENDED: "distribution.coupon.suspended",
  COUPON_REACTIVATED: "distribution.coupon.reactivated",
  SALE_CREATED: "distribution.sale.created",
  SALE_UPDATED: "distribution.sale.updated",
  SALE_STARTED: "distribution.sale.started",
  SALE_ENDED: "distribution.sale.ended",
  FLASH_SALE_CREATED: "distribution.flash_sale.created",
  FLASH_SALE_UPDATED: "distribution.flash_sale.updated",
  FLASH_SALE_CLOSED: "distribution.flash_sale.closed",
  RESERVATION_RESERVED: "distribution.activity_reservation.reserved",
  RESERVATION_CONSUMED: "distribution.activity_reservation.consumed",
  RESERVATION_RELEASED: "distribution.activity_reservation.released",
  COMMISSION_CREATED: "distribution.commission.created",
  LEVEL_CREATED: "distribution.level.created",
  LEVEL_UPDATED: "distribution.level.updated",
  LEVEL_DELETED: "distribution.level.deleted",
  SETTINGS_UPDATED: "distribution.settings.updated",
  CUSTOMER_GROUPS_SYNCED: "distribution.customer_group.synced",
  WITHDRAWAL_REQUESTED: "distribution.withdrawal.requested",
  WITHDRAWAL_APPROVED: "distribution.withdrawal.approved",
  WITHDRAWAL_REJECTED: "distribution.withdrawal.rejected",
  WITHDRAWAL_PAID: "distribution.withdrawal.paid",
} as const
export type DistributionEvent =
  (typeof DistributionEvents)[keyof typeof DistributionEvents]

/** The plugin's scheduled jobs whose runs are recorded (distribution_job_run.job). */
export const RECONCILE_JOB = "reconcile"

/**
 * 拼团 (group buy). An activity is active until closed; its groups form when a
 * leader reserves a seat at checkout (forming), open when the leader pays,
 * succeed at `group_size` paid members (or virtually at expiry), or fail at
 * expiry, when every paid member's order is canceled and refunded. A forming
 * group whose leader never pays is abandoned.
 */
export const GroupBuyStatus = { ACTIVE: "active", CLOSED: "closed" } as const
export type GroupBuyStatus = (typeof GroupBuyStatus)[keyof typeof GroupBuyStatus]
export const GROUP_BUY_STATUSES = Object.values(GroupBuyStatus)

/** Where an activity is at a moment: before its window, in it, past it, or closed by the admin. */
export const GroupBuyPhase = { SCHEDULED: "scheduled", LIVE: "live", ENDED: "ended", CLOSED: "closed" } as const
export type GroupBuyPhase = (typeof GroupBuyPhase)[keyof typeof GroupBuyPhase]
export const GROUP_BUY_PHASES = Object.values(GroupBuyPhase)

export const GroupStatus = {
  FORMING: "forming",
  OPEN: "open",
  SUCCEEDED: "succeeded",
  FAILED: "failed",
  ABANDONED: "abandoned",
} as const
export type GroupStatus = (typeof GroupStatus)[keyof typeof GroupStatus]
export const GROUP_STATUSES = Object.values(GroupStatus)

/** A member's seat: reserved at checkout, paid at order.placed, released when the reservation lapses or the order is canceled. */
export const GroupMemberStatus = { RESERVED: "reserved", PAID: "paid", RELEASED: "released", CANCELED: "canceled" } as const
export type GroupMemberStatus = (typeof GroupMemberStatus)[keyof typeof GroupMemberStatus]
export const GROUP_MEMBER_STATUSES = Object.values(GroupMemberStatus)

/** A failed group's refund per paid member, checked by reconcile: pending → refunding → refunded | failed. */
export const GroupRefundStatus = { PENDING: "pending", REFUNDING: "refunding", REFUNDED: "refunded", FAILED: "failed" } as const
export type GroupRefundStatus = (typeof GroupRefundStatus)[keyof typeof GroupRefundStatus]
export const GROUP_REFUND_STATUSES = Object.values(GroupRefundStatus)

/** The last-seat race: the loser leads a new group, or is refused (409) at checkout. */
export const GroupOverflow = { NEW_GROUP: "new_group", REFUSE: "refuse" } as const
export type GroupOverflow = (typeof GroupOverflow)[keyof typeof GroupOverflow]
export const GROUP_OVERFLOWS = Object.values(GroupOverflow)

/** Group buy events, one per change of state. */
export const GroupBuyEvents = {
  GROUP_BUY_CREATED: "distribution.group_buy.created",
  GROUP_BUY_UPDATED: "distribution.group_buy.updated",
  GROUP_BUY_CLOSED: "distribution.group_buy.closed",
  GROUP_OPENED: "distribution.group.opened",
  GROUP_JOINED: "distribution.group.joined",
  GROUP_SUCCEEDED: "distribution.group.succeeded",
  GROUP_FAILED: "distribution.group.failed",
  GROUP_MEMBER_REFUNDED: "distribution.group.member_refunded",
} as const
