import { BigNumberInput } from "@medusajs/framework/types"
import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { DistributorStatus, LedgerKind, WithdrawalAction, WithdrawalMethod, WithdrawalStatus } from "../constants"
import { maskEmail, maskName, maskPhone, maskTail } from "./mask"
import { fitsCurrency, formatMoney, roundDown, tooPreciseMessage } from "./money"
import { Refusal } from "./refusal"

/**
 * The fee of a withdrawal: the net paid out is amount × (1 − fee) rounded down
 * to the currency's minor unit, and the fee is the rest, so amount = fee + net
 * exactly and the programme never pays out a fraction more than it should.
 */
export function withdrawalFee(
  amount: BigNumberInput,
  feeBps: number,
  currencyCode: string
): { fee: string; net: string } {
  const net = roundDown(MathBN.div(MathBN.mult(amount, 10000 - feeBps), 10000), currencyCode)
  return { fee: MathBN.sub(amount, net).toFixed(), net }
}

/** requested → approved → paid; requested or approved → rejected. */
export const WITHDRAWAL_TRANSITIONS: Record<
  WithdrawalAction,
  { from: WithdrawalStatus[]; to: WithdrawalStatus }
> = {
  approve: { from: [WithdrawalStatus.REQUESTED], to: WithdrawalStatus.APPROVED },
  reject: {
    from: [WithdrawalStatus.REQUESTED, WithdrawalStatus.APPROVED],
    to: WithdrawalStatus.REJECTED,
  },
  pay: { from: [WithdrawalStatus.APPROVED], to: WithdrawalStatus.PAID },
}

/** The status an action leads to, or null when the action is not allowed from `from`. */
export function nextWithdrawalStatus(
  from: WithdrawalStatus,
  action: WithdrawalAction
): WithdrawalStatus | null {
  const t = WITHDRAWAL_TRANSITIONS[action]
  return t.from.includes(from) ? t.to : null
}

const DONE: Record<WithdrawalAction, string> = { approve: "approved", reject: "rejected", pay: "marked paid" }

/** Why an action is refused, in words an admin can act on. */
export function withdrawalConflictMessage(from: WithdrawalStatus, action: WithdrawalAction): string {
  const allowed = WITHDRAWAL_TRANSITIONS[action].from.join(" or ")
  return `This withdrawal is already ${from}: only a ${allowed} withdrawal can be ${DONE[action]}.`
}

/**
 * Whether a distributor may withdraw `amount` now, or why not, checked in the
 * order a distributor fixes them: its status, the method, the amount's
 * precision and the minimum, then the balance — never while it is a debt,
 * never beyond it. `available` must be read under the wallet's row lock: then
 * requests queue, and no sequence of them can overdraw.
 */
export function withdrawalRefusal(input: {
  distributor_status: DistributorStatus
  method: string
  /** The methods the programme offers. */
  methods: readonly string[]
  amount: string
  currency_code: string
  min_withdrawal: BigNumberInput
  /** The wallet's available balance; "0" before its first entry. */
  available: BigNumberInput
}): Refusal | null {
  const { amount, currency_code: currency, available } = input
  const money = (v: BigNumberInput) => formatMoney(v, currency)
  const notAllowed = (message: string): Refusal => ({ type: MedusaError.Types.NOT_ALLOWED, message })
  const invalid = (message: string): Refusal => ({ type: MedusaError.Types.INVALID_DATA, message })
  if (input.distributor_status !== DistributorStatus.ACTIVE) {
    return notAllowed(`Only an active distributor can withdraw; this one is ${input.distributor_status}.`)
  }
  if (!input.methods.includes(input.method)) {
    return invalid(`Withdrawals by ${input.method} are not offered; choose one of: ${input.methods.join(", ")}.`)
  }
  if (!fitsCurrency(amount, currency)) {
    return invalid(tooPreciseMessage("amount", amount, currency))
  }
  if (MathBN.lt(amount, input.min_withdrawal)) {
    return invalid(`The minimum withdrawal is ${money(input.min_withdrawal)}.`)
  }
  if (MathBN.lt(available, 0)) {
    return notAllowed(
      `Your balance is in debt (${money(available)}) after reversed commissions: withdrawals are blocked until it is positive again.`
    )
  }
  if (MathBN.gt(amount, available)) {
    return notAllowed(`${money(amount)} is more than your available balance of ${money(available)}.`)
  }
  return null
}

/**
 * What a decision does with the amount a withdrawal holds, through which
 * ledger entry: approving keeps it held, rejecting releases it to the
 * available balance, paying moves it out to the withdrawn total.
 */
export const HELD_AMOUNT_MOVES: Record<
  WithdrawalAction,
  { kind: LedgerKind; to: "available" | "withdrawn" } | null
> = {
  approve: null,
  reject: { kind: LedgerKind.WITHDRAWAL_RELEASED, to: "available" },
  pay: { kind: LedgerKind.WITHDRAWAL_PAID, to: "withdrawn" },
}

/** The move of the held amount that brought a withdrawal into `status`, if any (what a compensation undoes). */
export function heldAmountMoveInto(status: WithdrawalStatus): (typeof HELD_AMOUNT_MOVES)[WithdrawalAction] {
  const action = (Object.keys(WITHDRAWAL_TRANSITIONS) as WithdrawalAction[]).find(
    (a) => WITHDRAWAL_TRANSITIONS[a].to === status
  )
  return action ? HELD_AMOUNT_MOVES[action] : null
}

export type BankAccount = { holder_name: string; bank_name: string; account_number: string; branch?: string | null }
export type WalletAccount = { account: string; real_name: string }
export type PaypalAccount = { email: string }
export type ManualAccount = { details: string }
export type PayoutAccount = BankAccount | WalletAccount | PaypalAccount | ManualAccount

/** The display form of a payout account: what every response but the finance export shows. */
export function maskPayoutAccount(method: WithdrawalMethod, account: PayoutAccount): Record<string, string | null> {
  switch (method) {
    case "bank": {
      const a = account as BankAccount
      return {
        holder_name: maskName(a.holder_name),
        bank_name: a.bank_name,
        branch: a.branch ?? null,
        account_number: maskTail(a.account_number),
      }
    }
    case "alipay":
    case "wechat": {
      const a = account as WalletAccount
      const id = a.account.includes("@") ? maskEmail(a.account) : /^\d{11}$/.test(a.account) ? maskPhone(a.account) : maskTail(a.account)
      return { account: id, real_name: maskName(a.real_name) }
    }
    case "paypal":
      return { email: maskEmail((account as PaypalAccount).email) }
    case "manual":
      return { details: maskTail((account as ManualAccount).details) }
  }
}

/** One line of the finance export: the account in full, in fixed columns. */
export function payoutAccountColumns(method: WithdrawalMethod, account: PayoutAccount) {
  const a = account as Partial<BankAccount & WalletAccount & PaypalAccount & ManualAccount>
  return {
    payee: a.holder_name ?? a.real_name ?? null,
    bank_name: a.bank_name ?? null,
    branch: a.branch ?? null,
    account: a.account_number ?? a.account ?? a.email ?? a.details ?? null,
    method,
  }
}
