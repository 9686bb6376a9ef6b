import { MathBN } from "@medusajs/framework/utils"
import { distributionModuleTests } from "./module-runner"
import { programmeDay } from "./fixtures"

jest.setTimeout(180_000)

distributionModuleTests((suite) => {
  const day = programmeDay(suite)
  const { service } = suite

  const status = async (id: string) =>
    (await day.sql<{ status: string }>(`SELECT status FROM distribution_withdrawal WHERE id = ?`, [id]))[0].status

  /** A distributor with `amount` settled from one order. */
  async function earner(amount: string) {
    const id = await day.distributor()
    await day.credit(id, `order_of_${id}`, "line_1", amount)
    await day.due(`order_of_${id}`)
    await day.settle()
    return id
  }

  it("holds the amount requested: available down, held up, one hold entry, to the cent", async () => {
    const id = await earner("500.00")
    const w = await day.withdraw(id, "123.45")
    expect(await day.wallet(id)).toEqual({ available: "376.55", held: "123.45", withdrawn: "0" })
    expect((await day.ledger(id)).map((e) => [e.kind, e.amount, e.reference_id])).toEqual([
      ["commission_settled", "500", expect.stringMatching(/^dcom_/)],
      ["withdrawal_held", "-123.45", w.withdrawal_id],
    ])
    expect(await status(w.withdrawal_id)).toBe("requested")
  })

  it("releases the hold to available on rejection, from requested or approved", async () => {
    const id = await earner("500.00")
    const first = await day.withdraw(id, "100.10")
    const second = await day.withdraw(id, "200.20")
    await day.decide(first.withdrawal_id, "reject")
    await day.decide(second.withdrawal_id, "approve")
    expect(await day.wallet(id)).toEqual({ available: "299.8", held: "200.2", withdrawn: "0" })
    await day.decide(second.withdrawal_id, "reject")
    expect(await day.wallet(id)).toEqual({ available: "500", held: "0", withdrawn: "0" })
    expect([await status(first.withdrawal_id), await status(second.withdrawal_id)]).toEqual(["rejected", "rejected"])
    expect(await day.ledgerSums(id)).toEqual(await day.wallet(id))
  })

  it("moves the hold to withdrawn on payment, and nothing changes after a paid or rejected withdrawal", async () => {
    const id = await earner("500.00")
    const w = await day.withdraw(id, "333.33")
    await day.decide(w.withdrawal_id, "approve")
    await day.decide(w.withdrawal_id, "pay")
    expect(await day.wallet(id)).toEqual({ available: "166.67", held: "0", withdrawn: "333.33" })
    const after = { wallet: await day.wallet(id), ledger: await day.ledger(id) }

    for (const action of ["approve", "reject", "pay"] as const) {
      await expect(day.decide(w.withdrawal_id, action)).rejects.toMatchObject({ type: "conflict" })
    }
    expect({ wallet: await day.wallet(id), ledger: await day.ledger(id) }).toEqual(after)
    expect(await status(w.withdrawal_id)).toBe("paid")
  })

  it("cannot pay what was not approved", async () => {
    const id = await earner("500.00")
    const w = await day.withdraw(id, "100")
    await expect(day.decide(w.withdrawal_id, "pay")).rejects.toMatchObject({
      type: "conflict",
      message: expect.stringContaining("This withdrawal is already requested"),
    })
    expect(await day.wallet(id)).toEqual({ available: "400", held: "100", withdrawn: "0" })
  })

  it("never overdraws: of twenty parallel requests of 123.45 against 1000.00, eight are held", async () => {
    const id = await earner("1000.00")
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => day.withdraw(id, "123.45")))
    const held = results.filter((r) => r.status === "fulfilled")
    expect(held).toHaveLength(8)
    const refusals = results.filter((r): r is PromiseRejectedResult => r.status === "rejected")
    expect(refusals.map((r) => r.reason.type)).toEqual(Array(12).fill("not_allowed"))
    expect(await day.wallet(id)).toEqual({ available: "12.4", held: "987.6", withdrawn: "0" })
    expect((await day.ledger(id)).filter((e) => e.kind === "withdrawal_held")).toHaveLength(8)
    expect(await service.reconcileWallets({ repair: false })).toEqual([])
  })

  it("never overdraws with twenty parallel requests of different sizes: what is held is what was granted", async () => {
    const id = await earner("1500.00")
    const amounts = Array.from({ length: 20 }, (_, n) => MathBN.add(100, MathBN.mult(n, "17.01")).toFixed())
    const results = await Promise.allSettled(amounts.map((a) => day.withdraw(id, a)))
    const granted = amounts.filter((_, n) => results[n].status === "fulfilled")
    const total = granted.reduce((s, a) => MathBN.add(s, a), MathBN.convert(0))
    expect(MathBN.lte(total, 1500)).toBe(true)
    // Every refusal came when no more fitted.
    const left = MathBN.sub(1500, total)
    amounts
      .filter((_, n) => results[n].status === "rejected")
      .forEach((a) => expect(MathBN.gt(a, left)).toBe(true))
    expect(await day.wallet(id)).toEqual({
      available: MathBN.convert(left).toFixed(),
      held: MathBN.convert(total).toFixed(),
      withdrawn: "0",
    })
    expect(await day.ledgerSums(id)).toEqual(await day.wallet(id))
  })

  it("undoes a request and a decision exactly when their workflows compensate", async () => {
    const id = await earner("500.00")
    const kept = await day.withdraw(id, "150")
    const before = { wallet: await day.wallet(id), ledger: await day.ledger(id) }

    const undone = await day.withdraw(id, "200")
    await service.cancelWithdrawalRequest(undone.withdrawal_id)
    expect({ wallet: await day.wallet(id), ledger: await day.ledger(id) }).toEqual(before)

    await day.decide(kept.withdrawal_id, "approve")
    const paid = await day.decide(kept.withdrawal_id, "pay")
    await service.restoreWithdrawal({ previous: paid.previous, audit_id: paid.audit_id })
    expect(await status(kept.withdrawal_id)).toBe("approved")
    expect({ wallet: await day.wallet(id), ledger: await day.ledger(id) }).toEqual(before)
  })
})
