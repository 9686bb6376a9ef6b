import { distributionModuleTests } from "./module-runner"
import { programmeDay } from "./fixtures"

jest.setTimeout(180_000)

distributionModuleTests((suite) => {
  const day = programmeDay(suite)
  const { service } = suite

  /** Pending and available as the distributor centre shows them. */
  const money = async (id: string) => {
    const b = await day.balances(id)
    return b && { pending: b.pending, available: b.available, debt: b.debt }
  }

  it("keeps a credit pending, and settlement moves exactly that to available", async () => {
    const id = await day.distributor()
    await day.credit(id, "order_1", "line_1", "10.01")
    await day.credit(id, "order_1", "line_2", "20.02")
    await day.credit(id, "order_1", "line_3", "0.03")
    expect(await money(id)).toEqual({ pending: "30.06", available: "0.00", debt: "0.00" })
    expect(await day.wallet(id)).toBeNull()

    // Not yet due: settlement leaves them pending.
    expect(await day.settle()).toMatchObject({ settled: 0 })
    expect(await money(id)).toEqual({ pending: "30.06", available: "0.00", debt: "0.00" })

    await day.due("order_1")
    expect(await day.settle()).toEqual({ settled: 3, distributor_ids: [id] })
    expect(await money(id)).toEqual({ pending: "0.00", available: "30.06", debt: "0.00" })
    expect(await day.wallet(id)).toEqual({ available: "30.06", held: "0", withdrawn: "0" })
  })

  it("settles what is left of a commission partly reversed while pending", async () => {
    const id = await day.distributor()
    await day.credit(id, "order_1", "line_1", "19.99")
    // 19.99 on two units, one back: 9.995 kept rounded down to 9.99, 10.00 reversed.
    expect(await day.reverse("order_1", "line_1", { returned: 1 }, "return:ret_1")).toEqual({ reversed: 1, clawed_back: 0 })
    expect(await money(id)).toEqual({ pending: "9.99", available: "0.00", debt: "0.00" })
    expect(await day.ledger(id)).toEqual([])

    await day.due("order_1")
    await day.settle()
    expect(await money(id)).toEqual({ pending: "0.00", available: "9.99", debt: "0.00" })
    expect((await day.ledger(id)).map((e) => [e.kind, e.amount])).toEqual([["commission_settled", "9.99"]])
  })

  it("takes a reversal from pending before settlement and from available after it", async () => {
    const id = await day.distributor()
    await day.credit(id, "order_p", "line_p", "19.99")
    await day.credit(id, "order_s", "line_s", "25.00")
    await day.due("order_s")
    await day.settle()
    expect(await money(id)).toEqual({ pending: "19.99", available: "25.00", debt: "0.00" })

    await day.reverse("order_s", "line_s", { returned: 1 }, "return:ret_1")
    expect(await money(id)).toEqual({ pending: "19.99", available: "12.50", debt: "0.00" })

    await day.reverse("order_p", "line_p", { canceled: true })
    await day.reverse("order_s", "line_s", { canceled: true })
    expect(await money(id)).toEqual({ pending: "0.00", available: "0.00", debt: "0.00" })
    expect((await day.ledger(id)).map((e) => [e.kind, e.amount])).toEqual([
      ["commission_settled", "25"],
      ["commission_clawed_back", "-12.5"],
      ["commission_clawed_back", "-12.5"],
    ])
    expect(await day.wallet(id)).toEqual({ available: "0", held: "0", withdrawn: "0" })
  })

  it("leaves a debt when a commission already paid out is clawed back, and refuses withdrawals until it is repaid", async () => {
    const id = await day.distributor()
    await day.credit(id, "order_1", "line_1", "100.00")
    await day.due("order_1")
    await day.settle()
    const w = await day.withdraw(id, "100.00")
    await day.decide(w.withdrawal_id, "approve")
    await day.decide(w.withdrawal_id, "pay")
    expect(await day.wallet(id)).toEqual({ available: "0", held: "0", withdrawn: "100" })

    await day.reverse("order_1", "line_1", { canceled: true })
    expect(await money(id)).toEqual({ pending: "0.00", available: "-100.00", debt: "100.00" })
    expect(await day.wallet(id)).toEqual({ available: "-100", held: "0", withdrawn: "100" })
    await expect(day.withdraw(id, "100.00")).rejects.toMatchObject({
      type: "not_allowed",
      message: expect.stringContaining("Your balance is in debt (-¥100.00)"),
    })

    await day.adjust(id, "150.00", "bonus-1")
    await expect(day.withdraw(id, "100.00")).rejects.toMatchObject({
      type: "not_allowed",
      message: "¥100.00 is more than your available balance of ¥50.00.",
    })
    expect(await money(id)).toEqual({ pending: "0.00", available: "50.00", debt: "0.00" })
    expect(await day.ledgerSums(id)).toEqual(await day.wallet(id))
  })

  it("repairs a wallet whose cache drifted from its ledger, and only that one", async () => {
    const [a, b] = [await day.distributor(), await day.distributor()]
    await day.adjust(a, "80.08", "bonus-a")
    await day.adjust(b, "10", "bonus-b")
    await day.sql(`UPDATE distribution_wallet SET available = available + 0.01 WHERE distributor_id = ?`, [a])

    expect(await service.reconcileWallets({ repair: true })).toEqual([
      expect.objectContaining({ distributor_id: a, cached_available: "80.09", ledger_available: "80.08" }),
    ])
    expect(await day.wallet(a)).toEqual({ available: "80.08", held: "0", withdrawn: "0" })
    expect(await day.wallet(b)).toEqual({ available: "10", held: "0", withdrawn: "0" })
    expect(await service.reconcileWallets({ repair: false })).toEqual([])
  })
})
