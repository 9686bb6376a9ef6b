import { distributionModuleTests } from "./module-runner"
import { programmeDay } from "./fixtures"
import { Migration20261208200000 } from "../migrations/Migration20261208200000"

jest.setTimeout(180_000)

/**
 * The settlement's queue (`distribution_commission_due`): the database keeps
 * one row per pending commission with a due date, whoever writes the
 * commissions, and the settlement claims from it. It always equals the
 * commissions it is derived from; no index of the commissions names a column
 * that settling, dating or reversing a commission writes, so those updates
 * rewrite the row alone.
 */
distributionModuleTests((suite) => {
  const { service, MikroOrmWrapper } = suite
  const { sql, migrate, distributor, credit, due, settle, reverse } = programmeDay(suite)

  type QueueRow = { commission_id: string; eligible_at: string; held: boolean; distributor_id: string; currency_code: string }
  const queue = () =>
    sql<QueueRow>(`SELECT commission_id, eligible_at::text, held, distributor_id, currency_code
                     FROM distribution_commission_due ORDER BY commission_id`)
  const derived = () =>
    sql<QueueRow>(`SELECT c.id AS commission_id, c.eligible_at::text, (d.status = 'suspended' AND d.deleted_at IS NULL) AS held,
                          c.distributor_id, c.currency_code
                     FROM distribution_commission c JOIN distribution_distributor d ON d.id = c.distributor_id
                    WHERE c.status = 'pending' AND c.eligible_at IS NOT NULL AND c.deleted_at IS NULL ORDER BY c.id`)
  const idsOf = async (order: string) =>
    (await sql<{ id: string }>(`SELECT id FROM distribution_commission WHERE order_id = ? ORDER BY line_item_id`, [order])).map((r) => r.id)

  /** The queue equals the commissions it is kept from, and holds exactly these. */
  async function expectQueue(ids: string[]) {
    const rows = await queue()
    expect(rows).toEqual(await derived())
    expect(rows.map((r) => r.commission_id)).toEqual([...ids].sort())
  }

  it("queues a commission when it is dated, and takes it out when it is settled, reversed, deleted or soft-deleted", async () => {
    const a = await distributor()
    for (const order of ["order_q1", "order_q2", "order_q3", "order_q4", "order_q5"]) {
      await credit(a, order, `${order}_line`, "24.69")
    }
    // Credited but not yet due: nothing queued.
    await expectQueue([])

    for (const order of ["order_q1", "order_q2", "order_q3", "order_q4", "order_q5"]) {
      await due(order)
    }
    const [q1, q2, q3, q4, q5] = await Promise.all(["order_q1", "order_q2", "order_q3", "order_q4", "order_q5"].map(async (o) => (await idsOf(o))[0]))
    await expectQueue([q1, q2, q3, q4, q5])

    // A partial return keeps the commission pending and queued; a cancel takes it out.
    await reverse("order_q2", "order_q2_line", { returned: 1 }, "return_1")
    await reverse("order_q3", "order_q3_line", { canceled: true })
    await expectQueue([q1, q2, q4, q5])

    // A soft deletion and a delete take theirs out; a restore puts it back.
    await sql(`UPDATE distribution_commission SET deleted_at = now() WHERE id = ?`, [q4])
    await sql(`DELETE FROM distribution_commission WHERE id = ?`, [q5])
    await expectQueue([q1, q2])
    await sql(`UPDATE distribution_commission SET deleted_at = NULL WHERE id = ?`, [q4])
    await expectQueue([q1, q2, q4])

    // The rebuild docs/production.md gives (after a load that bypassed the triggers) finds the same queue.
    const before = await queue()
    await MikroOrmWrapper.forkManager().transactional(async (tx) => {
      await tx.execute(`DELETE FROM distribution_commission_due`)
      await tx.execute(`INSERT INTO distribution_commission_due (commission_id, eligible_at, held, distributor_id, currency_code)
        SELECT id, eligible_at, distribution_earner_is_suspended(distributor_id), distributor_id, currency_code FROM distribution_commission
         WHERE distribution_commission_is_due(status, eligible_at, deleted_at)`)
    })
    expect(await queue()).toEqual(before)

    // The settlement empties it, and what it settled is settled.
    expect((await settle()).settled).toBe(3)
    await expectQueue([])
    const statuses = await sql<{ id: string; status: string }>(
      `SELECT id, status FROM distribution_commission WHERE id = ANY(?::text[]) ORDER BY id`,
      [`{${[q1, q2, q3, q4].join(",")}}`]
    )
    expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({
      [q1]: "settled",
      [q2]: "settled",
      [q3]: "reversed",
      [q4]: "settled",
    })
  })

  it("follows a due date moved earlier or cleared, whoever writes it, and settles only what is due", async () => {
    const a = await distributor()
    await credit(a, "order_m1", "line_m1", "24.69")
    await credit(a, "order_m2", "line_m2", "24.69")
    const [m1] = await idsOf("order_m1")
    const [m2] = await idsOf("order_m2")

    // Dated a week ahead (not yet due), then by a later event: the earlier date stays.
    const ahead = new Date(Date.now() + 7 * 86_400_000)
    await service.markCommissionsEligible({ order_id: "order_m1", eligible_at: ahead })
    await service.markCommissionsEligible({ order_id: "order_m1", eligible_at: new Date(ahead.getTime() + 86_400_000) })
    await expectQueue([m1])
    expect((await settle()).settled).toBe(0)

    // An earlier event moves the queued date; the settlement then takes it.
    await due("order_m1")
    await expectQueue([m1])
    // A statement outside the module (an import, a fixture) dates m2 and clears it again.
    await sql(`UPDATE distribution_commission SET eligible_at = now() - interval '1 hour' WHERE id = ?`, [m2])
    await expectQueue([m1, m2])
    await sql(`UPDATE distribution_commission SET eligible_at = NULL WHERE id = ?`, [m2])
    await expectQueue([m1])

    expect(await service.getSettlementBacklog(new Date())).toEqual(expect.objectContaining({ due: 1 }))
    expect((await settle()).settled).toBe(1)
    await expectQueue([])
    expect(await service.getSettlementBacklog(new Date())).toEqual({ due: 0, oldest_due_at: null })
    const [{ status }] = await sql<{ status: string }>(`SELECT status FROM distribution_commission WHERE id = ?`, [m2])
    expect(status).toBe("pending")
  })

  it("keeps a suspended earner's due commissions queued, held, until it is reinstated", async () => {
    const a = await distributor()
    const b = await distributor("suspended")
    await credit(a, "order_s1", "line_s1", "24.69")
    await due("order_s1")
    const [s1] = await idsOf("order_s1")
    await service.transitionDistributor({ id: a, action: "suspend", reason: "test" })
    // One that becomes due while its earner is suspended is queued held as well.
    await credit(b, "order_s2", "line_s2", "12.34")
    await due("order_s2")
    const [s2] = await idsOf("order_s2")
    expect((await settle()).settled).toBe(0)
    await expectQueue([s1, s2])
    expect((await queue()).map((r) => r.held)).toEqual([true, true])
    expect(await service.getSettlementBacklog(new Date())).toEqual({ due: 0, oldest_due_at: null })
    await service.transitionDistributor({ id: a, action: "reinstate", reason: "test" })
    await expectQueue([s1, s2])
    expect((await queue()).find((r) => r.commission_id === s1)!.held).toBe(false)
    expect((await settle()).settled).toBe(1)
    await expectQueue([s2])
    expect((await service.getBalances(a))[0]).toEqual(expect.objectContaining({ available: "24.69", pending: "0.00" }))
  })

  it("releases a commission left held for an earner no longer suspended, and nothing else", async () => {
    const a = await distributor()
    const b = await distributor("suspended")
    await credit(a, "order_r1", "line_r1", "5.00")
    await credit(b, "order_r2", "line_r2", "6.00")
    await due("order_r1")
    await due("order_r2")
    const [r1] = await idsOf("order_r1")
    const [r2] = await idsOf("order_r2")
    // As if r1 had become due while its earner's reinstatement was being written.
    await sql(`UPDATE distribution_commission_due SET held = true WHERE commission_id = ?`, [r1])
    expect((await settle()).settled).toBe(0)

    expect(await service.releaseHeldCommissions()).toBe(1)
    await expectQueue([r1, r2])
    expect(Object.fromEntries((await queue()).map((r) => [r.commission_id, r.held]))).toEqual({ [r1]: false, [r2]: true })
    expect(await service.releaseHeldCommissions()).toBe(0)
    expect((await settle()).settled).toBe(1)
    expect((await service.getBalances(a))[0]).toEqual(expect.objectContaining({ available: "5.00" }))
  })

  it("does not settle a suspended earner's commission queued as not held (due while the suspension was being written)", async () => {
    const a = await distributor()
    await credit(a, "order_h1", "line_h1", "7.25")
    await due("order_h1")
    const [h1] = await idsOf("order_h1")
    await service.transitionDistributor({ id: a, action: "suspend", reason: "test" })
    // As if it had been queued by a transaction that read the earner before the suspension was committed.
    await sql(`UPDATE distribution_commission_due SET held = false WHERE commission_id = ?`, [h1])

    expect((await settle()).settled).toBe(0)
    expect((await service.settleDueCommissions({ now: new Date(), limit: 100, ids: [h1] })).settled).toBe(0)
    expect((await service.getBalances(a))[0]).toEqual(expect.objectContaining({ available: "0.00", pending: "7.25" }))
    expect(await service.getSettlementBacklog(new Date())).toEqual({ due: 0, oldest_due_at: null })

    await service.transitionDistributor({ id: a, action: "reinstate", reason: "test" })
    expect((await settle()).settled).toBe(1)
    expect((await service.getBalances(a))[0]).toEqual(expect.objectContaining({ available: "7.25", pending: "0.00" }))
  })

  it("lists the oldest due commissions a window at a time in earner order, and settles those of a slice still due, once", async () => {
    const [x, y, z] = [await distributor(), await distributor(), await distributor()].sort()
    const held = await distributor()
    const orders: [string, string, string, string][] = [
      // order, earner, amount, due date relative to now
      ["order_w1", z, "3.00", "- interval '3 hours'"],
      ["order_w2", x, "1.25", "- interval '2 hours'"],
      ["order_w3", y, "2.50", "- interval '1 hour'"],
      ["order_w4", x, "0.75", "- interval '30 minutes'"],
      ["order_w5", y, "9.99", "+ interval '7 days'"],
      ["order_w6", held, "4.00", "- interval '4 hours'"],
    ]
    const id: Record<string, string> = {}
    for (const [order, earner, amount, when] of orders) {
      await credit(earner, order, `${order}_line`, amount)
      ;[id[order]] = await idsOf(order)
      await sql(`UPDATE distribution_commission SET eligible_at = now() ${when} WHERE id = ?`, [id[order]])
    }
    await service.transitionDistributor({ id: held, action: "suspend", reason: "test" })
    const now = new Date()

    // The three oldest due (w6 is held, w5 not due yet), listed by earner.
    expect(await service.listDueInEarnerOrder({ now, limit: 3 })).toEqual([id.order_w2, id.order_w3, id.order_w1])
    expect(await service.listDueInEarnerOrder({ now, limit: 10 })).toEqual([id.order_w2, id.order_w4, id.order_w3, id.order_w1])

    // A slice naming one not due and one held: only the two still due are settled.
    const slice = [id.order_w2, id.order_w5, id.order_w6, id.order_w1]
    expect((await service.settleDueCommissions({ now, limit: 1000, ids: slice })).settled).toBe(2)
    expect((await service.settleDueCommissions({ now, limit: 1000, ids: slice })).settled).toBe(0)
    const status = async (order: string) =>
      (await sql<{ status: string }>(`SELECT status FROM distribution_commission WHERE id = ?`, [id[order]]))[0].status
    expect(await Promise.all(orders.map(([order]) => status(order)))).toEqual(["settled", "settled", "pending", "pending", "pending", "pending"])
    expect((await service.getBalances(x))[0]).toEqual(expect.objectContaining({ available: "1.25", pending: "0.75" }))
    expect((await service.getBalances(z))[0]).toEqual(expect.objectContaining({ available: "3.00", pending: "0.00" }))
    expect((await service.getBalances(held))[0]).toEqual(expect.objectContaining({ available: "0.00", pending: "4.00" }))
    await expectQueue([id.order_w3, id.order_w4, id.order_w5, id.order_w6])
    expect(await service.listDueInEarnerOrder({ now, limit: 10 })).toEqual([id.order_w4, id.order_w3])
  })

  it("lets two settlements and a reversal run at once without settling a row twice or waiting in a cycle", async () => {
    const a = await distributor()
    const orders = Array.from({ length: 40 }, (_, i) => `order_c${i}`)
    for (const order of orders) {
      await credit(a, order, `${order}_line`, "1.00")
      await due(order)
    }
    // A reversal holds the locks of one order's commission while two settlements run.
    const holder = MikroOrmWrapper.forkManager()
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    let locked!: () => void
    const isLocked = new Promise<void>((resolve) => (locked = resolve))
    const reversal = holder.transactional(async (tx) => {
      await tx.execute(`SELECT id FROM distribution_commission WHERE order_id = 'order_c0' FOR UPDATE`)
      locked()
      await held
      await tx.execute(`UPDATE distribution_commission SET status = 'reversed', reversed_amount = amount, reversed_at = now() WHERE order_id = 'order_c0'`)
    })
    await isLocked
    const runs = await Promise.all([
      service.settleDueCommissions({ now: new Date(), limit: 25 }),
      service.settleDueCommissions({ now: new Date(), limit: 25 }),
    ])
    // The held row was skipped, not waited for; the other 39 were settled once.
    expect(runs[0].settled + runs[1].settled).toBe(39)
    release()
    await reversal
    await expectQueue([])
    expect((await settle()).settled).toBe(0)
    const [{ settled, reversed, credits }] = await sql<{ settled: number; reversed: number; credits: number }>(
      `SELECT count(*) FILTER (WHERE status = 'settled')::int AS settled,
              count(*) FILTER (WHERE status = 'reversed')::int AS reversed,
              (SELECT count(*)::int FROM distribution_ledger_entry WHERE distributor_id = ? AND kind = 'commission_settled') AS credits
         FROM distribution_commission WHERE distributor_id = ?`,
      [a, a]
    )
    expect({ settled, reversed, credits }).toEqual({ settled: 39, reversed: 1, credits: 39 })
    expect((await service.getBalances(a))[0]).toEqual(expect.objectContaining({ available: "39.00", pending: "0.00" }))
  })

  it("gives the rows queued before Migration20261208200000 their earner and currency, and drops a row without its commission", async () => {
    const a = await distributor()
    const b = await distributor()
    await credit(a, "order_b1", "line_b1", "3.10")
    await credit(b, "order_b2", "line_b2", "4.20")
    await due("order_b1")
    const [b1] = await idsOf("order_b1")
    const [b2] = await idsOf("order_b2")
    // The queue as it was before the migration: no earner, no currency, the triggers of then.
    await migrate(Migration20261208200000, "down")
    // Queued by the old triggers: b2 dated, b suspended (held); and a row no commission stands behind.
    await due("order_b2")
    await service.transitionDistributor({ id: b, action: "suspend", reason: "test" })
    await sql(`INSERT INTO distribution_commission_due (commission_id, eligible_at, held) VALUES ('dcom_gone', now(), false)`)
    expect(await sql(`SELECT commission_id, held FROM distribution_commission_due ORDER BY commission_id`)).toEqual(
      [b1, b2, "dcom_gone"].sort().map((id) => ({ commission_id: id, held: id === b2 }))
    )

    await migrate(Migration20261208200000, "up")
    await expectQueue([b1, b2])
    expect((await queue()).map((r) => [r.commission_id, r.distributor_id, r.currency_code, r.held])).toEqual(
      [[b1, a, "cny", false], [b2, b, "cny", true]].sort((x, y) => String(x[0]).localeCompare(String(y[0])))
    )
    const nullable = await sql<{ column_name: string; is_nullable: string }>(
      `SELECT column_name, is_nullable FROM information_schema.columns
        WHERE table_name = 'distribution_commission_due' AND column_name IN ('distributor_id', 'currency_code') ORDER BY column_name`
    )
    expect(nullable).toEqual([
      { column_name: "currency_code", is_nullable: "NO" },
      { column_name: "distributor_id", is_nullable: "NO" },
    ])

    // The triggers write both columns again: a commission dated now is queued with them, and settled.
    await credit(a, "order_b3", "line_b3", "5.30")
    await due("order_b3")
    const [b3] = await idsOf("order_b3")
    await expectQueue([b1, b2, b3])
    expect((await settle()).settled).toBe(2)
    expect((await service.getBalances(a))[0]).toEqual(expect.objectContaining({ available: "8.40", pending: "0.00" }))
    await expectQueue([b2])
  })

  it("has no index of the commissions on a column that settling, dating or reversing writes", async () => {
    const indexes = await sql<{ name: string; definition: string }>(
      `SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE tablename = 'distribution_commission'`
    )
    expect(indexes.length).toBeGreaterThan(3)
    const written = ["status", "eligible_at", "settled_at", "reversed_at", "reversed_amount", "raw_reversed_amount", "updated_at"]
    const offending = indexes.filter((i) => written.some((column) => new RegExp(`\\b${column}\\b`).test(i.definition)))
    expect(offending).toEqual([])
    const [{ options }] = await sql<{ options: string[] | null }>(
      `SELECT reloptions AS options FROM pg_class WHERE relname = 'distribution_commission'`
    )
    expect(options).toEqual(["fillfactor=90"])
  })

  it("never compiles the statements of a trigger that reads a statement's changed rows (plans kept per connection)", async () => {
    const triggers = await sql<{ name: string; config: string[] | null }>(
      `SELECT t.tgname AS name, p.proconfig AS config FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
        WHERE NOT t.tgisinternal AND (t.tgoldtable IS NOT NULL OR t.tgnewtable IS NOT NULL)
          AND t.tgrelid::regclass::text LIKE 'distribution\\_%'`
    )
    // The totals' three, the queue's three and the search's two.
    expect(triggers.length).toBe(8)
    expect(triggers.filter((t) => !(t.config ?? []).includes("jit=off")).map((t) => t.name)).toEqual([])
  })
})
