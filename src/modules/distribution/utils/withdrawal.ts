import { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import { WithdrawalAction, WithdrawalMethod, WithdrawalStatus } from "../constants"
import { maskEmail, maskName, maskPhone, maskTail } from "./mask"
import { roundDown } from "./money"

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
