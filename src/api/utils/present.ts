import { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import DistributionModuleService from "../../modules/distribution/service"
import {
  ApplicationData,
  DistributionLevelDTO,
  DistributorDTO,
  ReferralBindingDTO,
  WithdrawalDTO,
} from "../../modules/distribution/types"
import {
  maskEmail,
  maskName,
  maskPhone,
} from "../../modules/distribution/utils/mask"

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
  d: DistributorDTO
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

/** The distributor as an admin sees it: everything but the raw application. */
export function presentDistributorForAdmin(
  service: DistributionModuleService,
  d: DistributorDTO
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

/**
 * A withdrawal as it leaves the server: the payout account only in its masked
 * form; the encrypted column and the idempotency key never leave.
 */
export function presentWithdrawal(w: WithdrawalDTO) {
  const {
    payout_account: _encrypted,
    account_masked,
    idempotency_key: _key,
    raw_amount,
    raw_fee,
    raw_net_amount,
    ...rest
  } = w
  return {
    ...rest,
    amount: exactDecimal(raw_amount, w.amount),
    fee: exactDecimal(raw_fee, w.fee),
    net_amount: exactDecimal(raw_net_amount, w.net_amount),
    account: account_masked,
  }
}

/** An amount as an exact decimal string, from its raw column (the numeric one is a float). */
export function exactDecimal(raw: unknown, fallback: unknown): string {
  const value = (raw as { value?: string } | null)?.value ?? fallback
  return MathBN.convert(value as BigNumberInput).toFixed()
}
