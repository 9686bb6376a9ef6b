import { MedusaContainer } from "@medusajs/framework/types"
import {
  DISTRIBUTION_MODULE,
  WithdrawalAction,
  WithdrawalMethod,
  WithdrawalStatus,
} from "../../modules/distribution/constants"
import DistributionModuleService from "../../modules/distribution/service"
import { DistributorDTO } from "../../modules/distribution/types"
import { maskPayoutAccount, PayoutAccount } from "../../modules/distribution/utils/withdrawal"
import { requestWithdrawalWorkflow, reviewWithdrawalWorkflow } from "../../workflows"

export type DemoWithdrawal = {
  /** Its idempotency key: a second run finds the request instead of holding the money again. */
  key: string
  email: string
  amount: string
  method: WithdrawalMethod
  account: PayoutAccount
  fate: WithdrawalStatus
  reason?: string
  transaction_reference?: string
  note?: string
}

/**
 * Withdrawals in every state, from balances the demo orders settled: the finance
 * queue has requests to approve, one approved and waiting for the bank, paid
 * ones with their transaction numbers and a rejected one whose hold came back.
 */
export const DEMO_WITHDRAWALS: DemoWithdrawal[] = [
  {
    key: "demo-withdrawal-zhang-wei-1",
    email: "zhang.wei@example.com",
    amount: "200",
    method: "bank",
    account: { holder_name: "张伟", bank_name: "招商银行", account_number: "6225880112345678", branch: "杭州分行营业部" },
    fate: "paid",
    transaction_reference: "CMB20261120-000318",
    note: "十月佣金",
  },
  {
    key: "demo-withdrawal-zhang-wei-2",
    email: "zhang.wei@example.com",
    amount: "100",
    method: "alipay",
    account: { account: "13805712345", real_name: "张伟" },
    fate: "requested",
  },
  {
    key: "demo-withdrawal-chen-jing-1",
    email: "chen.jing@example.com",
    amount: "300",
    method: "wechat",
    account: { account: "chenjing_hz", real_name: "陈静" },
    fate: "approved",
  },
  {
    key: "demo-withdrawal-liang-chen-1",
    email: "liang.chen@example.com",
    amount: "200",
    method: "bank",
    account: { holder_name: "梁晨晨", bank_name: "中国工商银行", account_number: "6212261202011234567" },
    fate: "rejected",
    reason: "开户名与实名认证不一致，请核对后重新申请",
  },
  {
    key: "demo-withdrawal-hu-jun-1",
    email: "hu.jun@example.com",
    amount: "150",
    method: "alipay",
    account: { account: "hujun@example.com", real_name: "胡军" },
    fate: "requested",
  },
  {
    key: "demo-withdrawal-wang-fang-1",
    email: "wang.fang@example.com",
    amount: "120",
    method: "bank",
    account: { holder_name: "王芳", bank_name: "中国建设银行", account_number: "6217001540009876543", branch: "上海徐汇支行" },
    fate: "paid",
    transaction_reference: "CCB20261122-004417",
  },
  {
    key: "demo-withdrawal-wu-qiang-1",
    email: "wu.qiang@example.com",
    amount: "100",
    method: "wechat",
    account: { account: "wuqiang1988", real_name: "吴强" },
    fate: "requested",
  },
]

/** The admin decisions that lead from a request to each fate, in order. */
const PATH: Record<WithdrawalStatus, WithdrawalAction[]> = {
  requested: [],
  approved: ["approve"],
  paid: ["approve", "pay"],
  rejected: ["reject"],
}
const STATUS_AFTER: Record<WithdrawalAction, WithdrawalStatus> = { approve: "approved", pay: "paid", reject: "rejected" }

/**
 * Requests each demo withdrawal through the plugin's own workflow (the amount
 * held in the ledger) and takes it to its fate through the admin's decisions.
 * A request already made is found by its idempotency key, and only the
 * decisions it still lacks are taken, so an interrupted run completes and a
 * second run changes nothing.
 */
export async function seedWithdrawals(
  container: MedusaContainer,
  ctx: { distributorByEmail: Map<string, DistributorDTO> }
) {
  const distribution = container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
  let created = 0
  for (const w of DEMO_WITHDRAWALS) {
    const distributor = ctx.distributorByEmail.get(w.email)!
    const { result } = await requestWithdrawalWorkflow(container).run({
      input: {
        customer_id: distributor.customer_id,
        distributor_id: distributor.id,
        amount: w.amount,
        currency_code: "cny",
        method: w.method,
        payout_account: distribution.encryptPersonalData(w.account),
        account_masked: maskPayoutAccount(w.method, w.account),
        note: w.note ?? null,
        idempotency_key: w.key,
      },
    })
    created += result.created ? 1 : 0
    const current = await distribution.retrieveWithdrawal(result.withdrawal_id, { select: ["status"] })
    const path = PATH[w.fate]
    const done = current.status === "requested" ? 0 : path.findIndex((a) => STATUS_AFTER[a] === current.status) + 1
    for (const action of path.slice(done)) {
      await reviewWithdrawalWorkflow(container).run({
        input: {
          id: result.withdrawal_id,
          action,
          actor_id: "demo-seed",
          reason: w.reason ?? null,
          transaction_reference: w.transaction_reference ?? null,
        },
      })
    }
  }
  return { created }
}
