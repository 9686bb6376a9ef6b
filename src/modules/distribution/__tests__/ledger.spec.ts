import { distributionModuleTests } from "./module-runner"
import { LedgerRow, programmeDay } from "./fixtures"
import { Migration20261209100000 } from "../migrations/Migration20261209100000"

jest.setTimeout(180_000)

distributionModuleTests((suite) => {
  const day = programmeDay(suite)
  const { service } = suite

  /** The kinds and amounts of entries, in a stable order (entries of one batch share their time). */
  const moves = (rows: LedgerRow[]) => rows.map((r) => `${r.kind} ${r.amount}`).sort()

  /**
   * One distributor's day: a bonus, two orders credited and settled, one unit
   * of the second returned, a withdrawal rejected and another paid. Each step
   * with the entries it must add.
   */
  async function merchantsDay(id: string) {
    const steps: { name: string; run: () => Promise<unknown>; adds: string[] }[] = [
      { name: "bonus", run: () => day.adjust(id, "200.00", "bonus-1"), adds: ["manual_adjustment 200"] },
      {
        name: "two orders settle",
        run: async () => {
          await day.credit(id, "order_a", "line_a", "39.90")
          await day.credit(id, "order_b", "line_b", "12.35")
          await day.due("order_a")
          await day.due("order_b")
          await day.settle()
        },
        adds: ["commission_settled 12.35", "commission_settled 39.9"],
      },
      {
        // 12.35 on two units, one back: the distributor keeps 6.175 rounded down, 6.17.
        name: "a unit of the second order comes back",
        run: () => day.reverse("order_b", "line_b", { returned: 1 }, "return:ret_1"),
        adds: ["commission_clawed_back -6.18"],
      },
      {
        name: "a withdrawal is rejected",
        run: async () => {
          const w = await day.withdraw(id, "150.00")
          await day.decide(w.withdrawal_id, "reject")
        },
        adds: ["withdrawal_held -150", "withdrawal_released 150"],
      },
      {
        name: "a withdrawal is paid",
        run: async () => {
          const w = await day.withdraw(id, "100.01")
          await day.decide(w.withdrawal_id, "approve")
          await day.decide(w.withdrawal_id, "pay")
        },
        adds: ["withdrawal_held -100.01", "withdrawal_paid 100.01"],
      },
    ]
    for (const step of steps) {
      const before = await day.ledger(id)
      await step.run()
      const after = await day.ledger(id)
      const byId = new Map(after.map((r) => [r.id, r]))
      expect({ step: step.name, kept: before.map((r) => byId.get(r.id)) }).toEqual({ step: step.name, kept: before })
      const added = after.filter((r) => !before.some((b) => b.id === r.id))
      expect({ step: step.name, added: moves(added) }).toEqual({ step: step.name, added: step.adds.sort() })
    }
  }

  it("is only ever appended to: each movement adds its entries and leaves every earlier one as it was", async () => {
    const id = await day.distributor()
    await merchantsDay(id)
    const [{ rewritten }] = await day.sql<{ rewritten: number }>(
      `SELECT count(*)::int AS rewritten FROM distribution_ledger_entry WHERE updated_at <> created_at OR deleted_at IS NOT NULL`
    )
    expect(rewritten).toBe(0)
  })

  it("gives every entry, settled or not, an id of the one format the model declares", async () => {
    const id = await day.distributor()
    await merchantsDay(id)
    const entries = await day.ledger(id)
    expect(entries).toHaveLength(8)
    for (const e of entries) {
      expect(e.id).toMatch(/^dled_[0-9A-Z]{26}$/)
    }
    const clawback = entries.find((e) => e.kind === "commission_clawed_back")!
    expect(clawback).toMatchObject({ reason: "return:ret_1", reference_id: expect.stringMatching(/:return:ret_1:0>6\.18$/) })
  })

  it("holds balances that are exactly the sums of the ledger, to the cent", async () => {
    const id = await day.distributor()
    await merchantsDay(id)
    // 200 + 39.90 + 12.35 − 6.18 − 150 + 150 − 100.01
    expect(await day.wallet(id)).toEqual({ available: "146.06", held: "0", withdrawn: "100.01" })
    expect(await day.ledgerSums(id)).toEqual(await day.wallet(id))
    expect(await service.reconcileWallets({ repair: false })).toEqual([])
    expect(await day.balances(id)).toEqual({
      currency_code: "cny",
      pending: "0.00",
      available: "146.06",
      held: "0.00",
      withdrawn: "100.01",
      debt: "0.00",
    })
  })

  it("writes nothing for a replayed settlement, reversal or adjustment", async () => {
    const id = await day.distributor()
    await merchantsDay(id)
    const before = { ledger: await day.ledger(id), wallet: await day.wallet(id) }

    expect(await day.settle()).toMatchObject({ settled: 0 })
    expect(await day.reverse("order_b", "line_b", { returned: 1 }, "return:ret_1")).toEqual({ reversed: 0, clawed_back: 0 })
    expect(await day.adjust(id, "200", "bonus-1")).toMatchObject({ created: false })

    expect({ ledger: await day.ledger(id), wallet: await day.wallet(id) }).toEqual(before)
  })

  it("settles a batch of many distributors in one pass, each credit one entry", async () => {
    const ids = await Promise.all(Array.from({ length: 25 }, () => day.distributor()))
    for (const [n, id] of ids.entries()) {
      await day.credit(id, `order_${n}`, `line_${n}`, `${n + 1}.01`)
      await day.due(`order_${n}`)
    }
    expect(await day.settle()).toMatchObject({ settled: 25 })
    for (const [n, id] of ids.entries()) {
      expect(moves(await day.ledger(id))).toEqual([`commission_settled ${n + 1}.01`])
      expect(await day.wallet(id)).toEqual({ available: `${n + 1}.01`, held: "0", withdrawn: "0" })
    }
  })

  it("keys its index by distributor on the distributor alone, and its migration keeps one rebuilt beforehand", async () => {
    const index = async () =>
      (await day.sql<{ oid: number; definition: string }>(
        `SELECT c.oid::int AS oid, pg_get_indexdef(c.oid) AS definition FROM pg_class c WHERE c.relname = 'IDX_distribution_ledger_distributor'`
      ))[0]
    const narrow = `CREATE INDEX "IDX_distribution_ledger_distributor" ON public.distribution_ledger_entry USING btree (distributor_id) WHERE (deleted_at IS NULL)`
    expect((await index()).definition).toBe(narrow)

    const run = (direction: "up" | "down") => day.migrate(Migration20261209100000, direction)
    // From the old key (distributor, currency, time) to the new one.
    await run("down")
    expect((await index()).definition).toContain("(distributor_id, currency_code, created_at)")
    await run("up")
    expect((await index()).definition).toBe(narrow)
    // Replaced beforehand (as docs/production.md says, concurrently there): the migration keeps it.
    await run("down")
    await day.sql(`CREATE INDEX "IDX_distribution_ledger_distributor_new" ON distribution_ledger_entry (distributor_id) WHERE deleted_at IS NULL`)
    await day.sql(`DROP INDEX "IDX_distribution_ledger_distributor"`)
    await day.sql(`ALTER INDEX "IDX_distribution_ledger_distributor_new" RENAME TO "IDX_distribution_ledger_distributor"`)
    const rebuilt = await index()
    await run("up")
    expect(await index()).toEqual(rebuilt)

    // What it serves: a distributor's ledger, every currency, newest first, counted.
    const id = await day.distributor()
    await day.adjust(id, "10.00", "bonus-a")
    await service.adjustBalance({ distributor_id: id, currency_code: "usd", amount: "2.50", reason: "活动奖励", actor_id: "user_admin", idempotency_key: "bonus-b" })
    await day.adjust(id, "-3.00", "bonus-c")
    const [entries, count] = await service.listAndCountLedgerEntries({ distributor_id: id }, { order: { created_at: "DESC", id: "DESC" } })
    expect(count).toBe(3)
    expect(entries.map((e) => `${e.currency_code} ${e.amount}`)).toEqual(["cny -3", "usd 2.5", "cny 10"])
  })
})
