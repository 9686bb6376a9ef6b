import { model } from "@medusajs/framework/utils"
import {
  APPLICATION_MODES,
  ApplicationMode,
  BINDING_MODES,
  BindingMode,
  COMMISSION_BASES,
  CommissionBase,
  DISTRIBUTOR_GROUP_MODES,
  DistributorGroupMode,
  COUPON_ATTRIBUTIONS,
  COUPON_COMMISSIONS,
  COUPON_ISSUE_MODES,
  CouponAttribution,
  CouponCommission,
  CouponIssue,
  SETTLE_ON_STATES,
  SettleOn,
} from "../constants"

/**
 * The programme's settings: one row (key "default"), edited in the admin. Plugin
 * options give the defaults the row is created with.
 */
const Settings = model
  .define({ name: "distribution_settings", tableName: "distribution_settings" }, {
    id: model.id({ prefix: "dset" }).primaryKey(),
    key: model.text().default("default"),
    enabled: model.boolean().default(true),
    max_depth: model.number().default(2),
    application_mode: model
      .enum(APPLICATION_MODES)
      .default(ApplicationMode.REVIEW),
    application_min_spend: model.bigNumber().default(0),
    self_purchase: model.boolean().default(false),
    binding_mode: model.enum(BINDING_MODES).default(BindingMode.FIRST_TOUCH),
    binding_days: model.number().default(0),
    bind_new_customers_only: model.boolean().default(false),
    commission_base: model
      .enum(COMMISSION_BASES)
      .default(CommissionBase.SUBTOTAL_AFTER_DISCOUNTS),
    settle_on: model.enum(SETTLE_ON_STATES).default(SettleOn.DELIVERED),
    freeze_days: model.number().default(7),
    order_cap_bps: model.number().default(3000),
    min_withdrawal: model.bigNumber().default(100),
    withdrawal_fee_bps: model.number().default(0),
    withdrawal_methods: model.json(),
    default_rate_bps_1: model.number().default(1000),
    default_rate_bps_2: model.number().default(500),
    default_rate_bps_3: model.number().default(0),
    /** The programme's currency; null: the store's default currency, whatever it is. */
    currency_code: model.text().nullable(),
    /** Distributor prices: which customer groups hold the active distributors; the programme's group (the plugin's, once created). */
    distributor_group_mode: model.enum(DISTRIBUTOR_GROUP_MODES).default(DistributorGroupMode.OFF),
    distributor_group_id: model.text().nullable(),
    /** Distributor coupons: the Medusa promotion each coupon is cloned from (null: no coupons). */
    coupon_template_promotion_id: model.text().nullable(),
    coupon_issue: model.enum(COUPON_ISSUE_MODES).default(CouponIssue.ADMIN_ONLY),
    coupon_code_prefix: model.text().default(""),
    coupon_attribution: model.enum(COUPON_ATTRIBUTIONS).default(CouponAttribution.BINDING_FIRST),
    coupon_commission: model.enum(COUPON_COMMISSIONS).default(CouponCommission.NORMAL),
    coupon_rate_bps_1: model.number().default(0),
    coupon_rate_bps_2: model.number().default(0),
    coupon_rate_bps_3: model.number().default(0),
    coupon_binds_customer: model.boolean().default(true),
    /** The mini-program page a share's 小程序码 opens (its `scene` says what to show). */
    mini_program_page: model.text().default("pages/index/index"),
  })
  .indexes([
    { name: "IDX_distribution_settings_key_unique", on: ["key"], unique: true },
  ])
  .checks([
    (columns) => `${columns.max_depth} >= 1 AND ${columns.max_depth} <= 3`,
  ])

export default Settings
