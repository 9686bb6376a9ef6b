import { MathBN, MedusaError } from "@medusajs/framework/utils"
import {
  ApplicationMode,
  BindingMode,
  MAX_COMMISSION_DEPTH,
  SettleOn,
  WITHDRAWAL_METHODS,
  WithdrawalMethod,
} from "../constants"
import { DistributionSettingsInput } from "../types"

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
}

const isBps = (n: unknown) => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= 10000

/**
 * The invariants of the settings, whoever writes them (plugin options, admin,
 * a workflow called directly). The three-level ceiling is law, not a setting.
 */
export function validateSettings(s: DistributionSettingsInput): void {
  const problems: string[] = []
  if (!Number.isInteger(s.max_depth) || s.max_depth < 1 || s.max_depth > MAX_COMMISSION_DEPTH) {
    problems.push(`max_depth must be 1, 2 or 3 (commission is paid on at most ${MAX_COMMISSION_DEPTH} levels)`)
  }
  for (const key of [
    "order_cap_bps",
    "withdrawal_fee_bps",
    "default_rate_bps_1",
    "default_rate_bps_2",
    "default_rate_bps_3",
  ] as const) {
    if (!isBps(s[key])) {
      problems.push(`${key} must be a whole number of basis points from 0 to 10000`)
    }
  }
  for (const key of ["binding_days", "freeze_days"] as const) {
    if (!Number.isInteger(s[key]) || s[key] < 0 || s[key] > 3650) {
      problems.push(`${key} must be a whole number of days from 0 to 3650`)
    }
  }
  for (const key of ["min_withdrawal", "application_min_spend"] as const) {
    if (MathBN.lt(s[key], 0)) {
      problems.push(`${key} cannot be negative`)
    }
  }
  if (
    !Array.isArray(s.withdrawal_methods) ||
    s.withdrawal_methods.length === 0 ||
    s.withdrawal_methods.some((m) => !WITHDRAWAL_METHODS.includes(m))
  ) {
    problems.push(`withdrawal_methods must list at least one of ${WITHDRAWAL_METHODS.join(", ")}`)
  }
  if (s.currency_code !== null && !/^[a-z]{3}$/i.test(s.currency_code)) {
    problems.push("currency_code must be a three-letter ISO 4217 code")
  }
  if (problems.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, problems.join("; "))
  }
}
