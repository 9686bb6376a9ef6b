import { BigNumberInput } from "@medusajs/framework/types"
import DistributionModuleService from "../../modules/distribution/service"
import {
  ApplicationData,
  DistributionLevelDTO,
  DistributionSettingsDTO,
  DistributorDTO,
  DistributorWithPosition,
  ReferralBindingDTO,
  WithdrawalDTO,
} from "../../modules/distribution/types"
import {
  maskEmail,
  maskName,
  maskPhone,
} from "../../modules/distribution/utils/mask"
import { formatAmount } from "../../modules/distribution/utils/money"
import { ProgrammeSettings } from "../../lib/programme-settings"

/**
 * How the programme's records leave the server. Personal data (the application,
 * and other people's names and emails) is masked in every response; the
 * encrypted column never leaves at all.
 */
export function presentApplication(
  service: DistributionModuleService,
  distributor: Pick<DistributorDTO, "application">
) {
  const data = service.readApplication(distributor)
  if (!data) {
    return null
  }
  return {
    name: maskName(data.name ?? null),
    phone: maskPhone(data.phone ?? null),
    reason: data.reason ?? null,
  } satisfies ApplicationData
}

export function presentLevel(level: DistributionLevelDTO | null | undefined) {
  if (!level) {
    return null
  }
  return {
    id: level.id,
    name: level.name,
    rank: level.rank,
    rate_bps_1: level.rate_bps_1,
    rate_bps_2: level.rate_bps_2,
    rate_bps_3: level.rate_bps_3,
  }
}

/** The distributor as it sees itself in the distributor centre. */
export function presentOwnDistributor(
  service: DistributionModuleService,
  d: DistributorWithPosition
) {
  return {
    id: d.id,
    status: d.status,
    referral_code: d.referral_code,
    display_name: d.display_name,
    email: d.email,
    depth: d.depth,
    parent_id: d.parent_id,
    level: presentLevel(d.level as DistributionLevelDTO | null),
    team_size: d.team_size,
    direct_count: d.direct_count,
    reject_reason: d.reject_reason,
    suspend_reason: d.suspend_reason,
    application: presentApplication(service, d),
    activated_at: d.activated_at,
    created_at: d.created_at,
  }
}

/** Someone else in the programme (a team member, a referrer): masked. */
export function presentOtherDistributor(d: DistributorDTO, relativeDepth?: number) {
  return {
    id: d.id,
    display_name: maskName(d.display_name),
    email: maskEmail(d.email),
    status: d.status,
    referral_code: d.referral_code,
    level: d.level
      ? { id: (d.level as DistributionLevelDTO).id, name: (d.level as DistributionLevelDTO).name }
      : null,
    ...(relativeDepth !== undefined ? { depth: relativeDepth } : {}),
    team_size: d.team_size,
    direct_count: d.direct_count,
    joined_at: d.activated_at ?? d.created_at,
  }
}

/** A page of team members as every team route answers it: masked, each with its depth below the caller. */
export function presentTeamPage(
  page: { rows: DistributorDTO[]; count: number },
  input: { depth: number; limit: number; offset: number }
) {
  return {
    members: page.rows.map((m) => presentOtherDistributor(m, input.depth)),
    count: page.count,
    depth: input.depth,
    limit: input.limit,
    offset: input.offset,
  }
}

/** The distributor as an admin sees it: everything but the raw application. */
export function presentDistributorForAdmin(
  service: DistributionModuleService,
  d: DistributorWithPosition
) {
  const { application: _encrypted, level, ...rest } = d
  return {
    ...rest,
    level: presentLevel(level as DistributionLevelDTO | null),
    application: presentApplication(service, d),
  }
}

export function presentBinding(
  binding: ReferralBindingDTO | null,
  distributor?: DistributorDTO | null
) {
  if (!binding) {
    return null
  }
  return {
    id: binding.id,
    source: binding.source,
    bound_at: binding.bound_at,
    expires_at: binding.expires_at,
    distributor: distributor
      ? {
          id: distributor.id,
          referral_code: distributor.referral_code,
          display_name: maskName(distributor.display_name),
        }
      : { id: binding.distributor_id },
  }
}

type Row = Record<string, unknown>

/** What presentAmounts makes of a row: amount columns as strings, raw_* columns gone. */
type WithAmounts<T, F extends string> = {
  [K in keyof T as K extends `raw_${string}` ? never : K]: K extends F ? (null extends T[K] ? string | null : string) : T[K]
}

/**
 * A row with its amount columns in the API's money format (decimal strings with
 * the currency's precision, read from the exact raw column where the row has
 * one: the numeric column is a float), and without the raw_* columns. Columns
 * the row does not have (left out by `fields`) stay out.
 */
export function presentAmounts<T extends object, F extends string>(
  row: T,
  fields: readonly F[],
  currencyCode: string
): WithAmounts<T, F> {
  const out: Row = {}
  for (const [key, value] of Object.entries(row)) {
    if (key.startsWith("raw_")) {
      continue
    }
    const exact = ((row as Row)[`raw_${key}`] as { value?: string } | null | undefined)?.value ?? value
    out[key] =
      (fields as readonly string[]).includes(key) && value !== null && value !== undefined
        ? formatAmount(exact as BigNumberInput, currencyCode)
        : value
  }
  return out as WithAmounts<T, F>
}

const COMMISSION_AMOUNTS = ["base_amount", "amount", "reversed_amount"] as const
const LEVEL_AMOUNTS = ["upgrade_personal_sales", "upgrade_team_sales"] as const
const RULE_AMOUNTS = ["fixed_amount_1", "fixed_amount_2", "fixed_amount_3"] as const
const SETTINGS_AMOUNTS = ["application_min_spend", "min_withdrawal"] as const

export const presentCommission = <T extends { currency_code?: string }>(c: T) =>
  presentAmounts(c, COMMISSION_AMOUNTS, c.currency_code!)

export const presentLedgerEntry = <T extends { currency_code: string }>(e: T) =>
  presentAmounts(e, ["amount"], e.currency_code)

/** A level as an admin reads it: its sales thresholds in the programme's currency. */
export const presentLevelForAdmin = <T extends object>(level: T, currencyCode: string) =>
  presentAmounts(level, LEVEL_AMOUNTS, currencyCode)

/** A fixed rule's amounts are in its own currency; a rule without one, in the programme's. */
export const presentCommissionRule = <T extends { currency_code?: string | null }>(rule: T, programmeCurrency: string) =>
  presentAmounts(rule, RULE_AMOUNTS, rule.currency_code ?? programmeCurrency)

export const presentSettings = (settings: ProgrammeSettings) =>
  presentAmounts(settings, SETTINGS_AMOUNTS, settings.currency_code)

/** An audit entry's data as it was recorded, without the raw_* copies of amounts a snapshot may carry. */
export function withoutRaw(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(withoutRaw)
  }
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value).filter(([key]) => !key.startsWith("raw_")).map(([key, v]) => [key, withoutRaw(v)])
    )
  }
  return value
}

export const presentAuditLog = <T extends { data?: unknown }>(log: T) =>
  ("data" in log ? { ...log, data: withoutRaw(log.data) } : log) as T

/**
 * A withdrawal as its distributor sees it: the payout account only in its
 * masked form; the encrypted column, the idempotency key and the ids of the
 * admins who decided it never leave.
 */
export function presentWithdrawal(w: WithdrawalDTO) {
  const amounts = presentAmounts(w, ["amount", "fee", "net_amount"], w.currency_code)
  return {
    id: w.id,
    distributor_id: w.distributor_id,
    currency_code: w.currency_code,
    amount: amounts.amount,
    fee_bps: w.fee_bps,
    fee: amounts.fee,
    net_amount: amounts.net_amount,
    method: w.method,
    account: w.account_masked,
    note: w.note,
    status: w.status,
    reject_reason: w.reject_reason,
    transaction_reference: w.transaction_reference,
    approved_at: w.approved_at,
    rejected_at: w.rejected_at,
    paid_at: w.paid_at,
    created_at: w.created_at,
    updated_at: w.updated_at,
  }
}

/** A withdrawal as an admin sees it: also who approved, rejected or paid it. */
export function presentWithdrawalForAdmin(w: WithdrawalDTO) {
  return {
    ...presentWithdrawal(w),
    approved_by: w.approved_by,
    rejected_by: w.rejected_by,
    paid_by: w.paid_by,
  }
}
