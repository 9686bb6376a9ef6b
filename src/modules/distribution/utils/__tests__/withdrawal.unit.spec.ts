import fc from "fast-check"
import { MathBN } from "@medusajs/framework/utils"
import { WITHDRAWAL_ACTIONS, WITHDRAWAL_STATUSES, WithdrawalStatus } from "../../constants"
import { fitsCurrency } from "../money"
import {
  maskPayoutAccount,
  nextWithdrawalStatus,
  payoutAccountColumns,
  withdrawalConflictMessage,
  withdrawalFee,
} from "../withdrawal"

const cents = fc.integer({ min: 1, max: 100_000_000 }).map((c) => MathBN.div(c, 100).toFixed())

describe("withdrawal fee", () => {
  it("rounds the net paid out down and keeps the rest as the fee", () => {
    expect(withdrawalFee("333.33", 60, "cny")).toEqual({ fee: "2", net: "331.33" })
    expect(withdrawalFee("100.01", 60, "cny")).toEqual({ fee: "0.61", net: "99.4" })
    expect(withdrawalFee("100", 0, "cny")).toEqual({ fee: "0", net: "100" })
    expect(withdrawalFee("100", 10000, "cny")).toEqual({ fee: "100", net: "0" })
    expect(withdrawalFee("1999", 150, "jpy")).toEqual({ fee: "30", net: "1969" })
  })
  it("always splits the amount exactly, never pays out more than amount × (1 − fee), never less by a cent", () => {
    fc.assert(
      fc.property(cents, fc.integer({ min: 0, max: 10000 }), (amount, bps) => {
        const { fee, net } = withdrawalFee(amount, bps, "cny")
        expect(MathBN.eq(MathBN.add(fee, net), amount)).toBe(true)
        expect(MathBN.gte(fee, 0) && MathBN.gte(net, 0)).toBe(true)
        const exact = MathBN.div(MathBN.mult(amount, 10000 - bps), 10000)
        expect(MathBN.lte(net, exact)).toBe(true)
        expect(MathBN.gt(MathBN.add(net, "0.01"), exact)).toBe(true)
        expect(fitsCurrency(net, "cny") && fitsCurrency(fee, "cny")).toBe(true)
      })
    )
  })
})

describe("withdrawal state machine", () => {
  it("goes requested → approved → paid, and rejects from requested or approved only", () => {
    expect(nextWithdrawalStatus("requested", "approve")).toBe("approved")
    expect(nextWithdrawalStatus("approved", "pay")).toBe("paid")
    expect(nextWithdrawalStatus("requested", "reject")).toBe("rejected")
    expect(nextWithdrawalStatus("approved", "reject")).toBe("rejected")
    expect(nextWithdrawalStatus("requested", "pay")).toBeNull()
    expect(withdrawalConflictMessage("paid", "reject")).toBe(
      "This withdrawal is already paid: only a requested or approved withdrawal can be rejected."
    )
  })
  it("has no way out of paid or rejected", () => {
    for (const end of [WithdrawalStatus.PAID, WithdrawalStatus.REJECTED]) {
      for (const action of WITHDRAWAL_ACTIONS) {
        expect(nextWithdrawalStatus(end, action)).toBeNull()
      }
    }
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WITHDRAWAL_ACTIONS), { maxLength: 10 }), (actions) => {
        let status: WithdrawalStatus = WithdrawalStatus.REQUESTED
        const seen: WithdrawalStatus[] = [status]
        for (const a of actions) {
          status = nextWithdrawalStatus(status, a) ?? status
          if (seen[seen.length - 1] !== status) seen.push(status)
        }
        expect(WITHDRAWAL_STATUSES).toContain(status)
        // At most three distinct steps, and paid only after approved.
        expect(seen.length).toBeLessThanOrEqual(3)
        if (seen.includes(WithdrawalStatus.PAID)) {
          expect(seen).toEqual(["requested", "approved", "paid"])
        }
      })
    )
  })
})

describe("payout accounts", () => {
  it("masks every method's account for display", () => {
    expect(maskPayoutAccount("bank", { holder_name: "张小明", bank_name: "招商银行", account_number: "6225880123456789" })).toEqual({
      holder_name: "张*明",
      bank_name: "招商银行",
      branch: null,
      account_number: "****6789",
    })
    expect(maskPayoutAccount("alipay", { account: "13912345678", real_name: "王芳" })).toEqual({ account: "139****5678", real_name: "王*" })
    expect(maskPayoutAccount("alipay", { account: "fang@example.com", real_name: "王芳" })).toEqual({ account: "f***@example.com", real_name: "王*" })
    expect(maskPayoutAccount("wechat", { account: "wxid_zhou88", real_name: "周杰伦" })).toEqual({ account: "****ou88", real_name: "周*伦" })
    expect(maskPayoutAccount("paypal", { email: "zhao.li@example.com" })).toEqual({ email: "z***@example.com" })
  })
  it("lays the full account out in the finance export's columns", () => {
    expect(payoutAccountColumns("bank", { holder_name: "张小明", bank_name: "招商银行", account_number: "6225880123456789", branch: "杭州分行" })).toEqual({
      payee: "张小明",
      bank_name: "招商银行",
      branch: "杭州分行",
      account: "6225880123456789",
      method: "bank",
    })
    expect(payoutAccountColumns("wechat", { account: "wxid_zhou88", real_name: "周杰伦" })).toMatchObject({ payee: "周杰伦", account: "wxid_zhou88" })
  })
})
