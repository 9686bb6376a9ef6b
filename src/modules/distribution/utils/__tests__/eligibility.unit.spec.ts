import fc from "fast-check"
import { MathBN } from "@medusajs/framework/utils"
import { DISTRIBUTOR_STATUSES, DistributorStatus, LedgerKind, WITHDRAWAL_STATUSES, WithdrawalStatus } from "../../constants"
import { bindingRefusal, decideBinding } from "../binding"
import { canReapply } from "../distributor-status"
import { childPath, moveRefusal } from "../tree-path"
import { HELD_AMOUNT_MOVES, heldAmountMoveInto, nextWithdrawalStatus, withdrawalRefusal } from "../withdrawal"

const cents = (max: number) => fc.integer({ min: 0, max }).map((c) => MathBN.div(c, 100).toFixed())

describe("who may withdraw", () => {
  const ok = {
    distributor_status: DistributorStatus.ACTIVE,
    method: "bank",
    methods: ["bank", "alipay"],
    amount: "100.00",
    currency_code: "cny",
    min_withdrawal: "50",
    available: "350.5",
  }

  it("an active distributor, by an offered method, at least the minimum and at most the available balance", () => {
    expect(withdrawalRefusal(ok)).toBeNull()
    expect(withdrawalRefusal({ ...ok, amount: "350.50" })).toBeNull()
    expect(withdrawalRefusal({ ...ok, amount: "50" })).toBeNull()
  })

  it("refuses each failed rule with what to do, in the order a distributor fixes them", () => {
    expect(withdrawalRefusal({ ...ok, distributor_status: DistributorStatus.SUSPENDED, method: "paypal" })).toEqual({
      type: "not_allowed",
      message: "Only an active distributor can withdraw; this one is suspended.",
    })
    expect(withdrawalRefusal({ ...ok, method: "paypal", amount: "0.001" })).toEqual({
      type: "invalid_data",
      message: "Withdrawals by paypal are not offered; choose one of: bank, alipay.",
    })
    expect(withdrawalRefusal({ ...ok, amount: "100.001" })).toMatchObject({ type: "invalid_data" })
    expect(withdrawalRefusal({ ...ok, amount: "49.99" })).toEqual({
      type: "invalid_data",
      message: "The minimum withdrawal is ¥50.00.",
    })
    expect(withdrawalRefusal({ ...ok, available: "-0.01" })).toEqual({
      type: "not_allowed",
      message:
        "Your balance is in debt (-¥0.01) after reversed commissions: withdrawals are blocked until it is positive again.",
    })
    expect(withdrawalRefusal({ ...ok, amount: "350.51" })).toEqual({
      type: "not_allowed",
      message: "¥350.51 is more than your available balance of ¥350.50.",
    })
  })

  it("never lets a request take more than is available, to the cent", () => {
    fc.assert(
      fc.property(cents(1_000_000), cents(1_000_000), (amount, available) => {
        const refusal = withdrawalRefusal({ ...ok, amount, available, min_withdrawal: "0" })
        expect(refusal === null).toBe(MathBN.lte(amount, available))
      })
    )
  })
})

describe("what a withdrawal decision does with the held amount", () => {
  it("approving keeps it held, rejecting releases it, paying pays it out", () => {
    expect(HELD_AMOUNT_MOVES).toEqual({
      approve: null,
      reject: { kind: LedgerKind.WITHDRAWAL_RELEASED, to: "available" },
      pay: { kind: LedgerKind.WITHDRAWAL_PAID, to: "withdrawn" },
    })
  })
  it("names the move that led into each status, the one a compensation undoes", () => {
    expect(Object.fromEntries(WITHDRAWAL_STATUSES.map((s) => [s, heldAmountMoveInto(s)]))).toEqual({
      requested: null,
      approved: null,
      rejected: HELD_AMOUNT_MOVES.reject,
      paid: HELD_AMOUNT_MOVES.pay,
    })
    expect(nextWithdrawalStatus(WithdrawalStatus.APPROVED, "pay")).toBe(WithdrawalStatus.PAID)
  })
})

describe("who may be bound to whom", () => {
  const root = { id: "dist_a", path: childPath(null, "dist_a"), status: DistributorStatus.ACTIVE }
  const child = { id: "dist_b", path: childPath(root.path, "dist_b"), status: DistributorStatus.ACTIVE }
  const stranger = { id: "dist_c", path: childPath(null, "dist_c"), status: DistributorStatus.ACTIVE }

  it("binds a customer to any other active distributor, even its own upline", () => {
    expect(bindingRefusal(root, null)).toBeNull()
    expect(bindingRefusal(root, child)).toBeNull()
    expect(bindingRefusal(stranger, child)).toBeNull()
  })

  it("never to an inactive or unknown distributor, to oneself or to one's own team", () => {
    for (const status of DISTRIBUTOR_STATUSES.filter((s) => s !== DistributorStatus.ACTIVE)) {
      expect(bindingRefusal({ ...stranger, status }, null)).toEqual({
        type: "not_found",
        message: "No active distributor has that referral code",
      })
    }
    expect(bindingRefusal(null, null)).toMatchObject({ type: "not_found" })
    expect(bindingRefusal(root, root)).toEqual({ type: "not_allowed", message: "A distributor cannot be bound to itself" })
    expect(bindingRefusal(child, root)).toEqual({
      type: "not_allowed",
      message: "A distributor cannot be bound to a member of its own team",
    })
  })

  it("lets an admin replace a valid first-touch binding, with no expiry", () => {
    const now = new Date("2026-11-25T00:00:00.000Z")
    const existing = { distributor_id: "dist_a", expires_at: new Date("2026-12-01T00:00:00.000Z") }
    const input = { existing, distributor_id: "dist_b", mode: "first_touch" as const, binding_days: 30, now }
    expect(decideBinding(input)).toEqual({ action: "keep", reason: "first_touch" })
    expect(decideBinding({ ...input, force: true })).toEqual({ action: "replace", expires_at: null })
    expect(decideBinding({ ...input, distributor_id: "dist_a", force: true })).toEqual({
      action: "keep",
      reason: "same_distributor",
    })
  })
})

describe("who may move where in the tree", () => {
  const a = { id: "dist_a", path: "/dist_a/", parent_id: null, status: DistributorStatus.ACTIVE }
  const b = { id: "dist_b", path: "/dist_a/dist_b/", parent_id: "dist_a", status: DistributorStatus.ACTIVE }
  const c = { id: "dist_c", path: "/dist_c/", parent_id: null, status: DistributorStatus.ACTIVE }

  it("moves under another active distributor, or to the top", () => {
    expect(moveRefusal(b, c.id, c)).toBeNull()
    expect(moveRefusal(b, null, null)).toBeNull()
  })

  it("refuses a move to where it is, into its own team, or under an inactive parent", () => {
    expect(moveRefusal(b, "dist_a", a)).toEqual({ type: "conflict", message: "The distributor is already under that parent" })
    expect(moveRefusal(a, null, null)).toEqual({ type: "conflict", message: "The distributor is already at the top of the tree" })
    const cycle = "A distributor cannot be moved under itself or under one of its own team: that would make a cycle"
    expect(moveRefusal(a, b.id, b)).toEqual({ type: "not_allowed", message: cycle })
    expect(moveRefusal(c, c.id, c)).toEqual({ type: "not_allowed", message: cycle })
    expect(moveRefusal(b, c.id, { ...c, status: DistributorStatus.PENDING })).toEqual({
      type: "not_allowed",
      message: "The new parent must be an active distributor (its status is pending)",
    })
  })
})

describe("who may apply again", () => {
  it("only a rejected applicant", () => {
    expect(DISTRIBUTOR_STATUSES.filter(canReapply)).toEqual([DistributorStatus.REJECTED])
  })
})
