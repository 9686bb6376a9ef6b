import { distributionModuleTests } from "./module-runner"
import { programmeDay } from "./fixtures"

jest.setTimeout(180_000)

type Totals = {
  distributor_id: string
  lines: number
  pending_lines: number
  sales: string
  orders: number
  commissions: string
  pending: string
  settled_personal_sales: string
  settled_team_sales: string
  settled_orders: number
}

/**
 * The kept commission totals (`distribution_commission_total`), which the
 * centre's all-time figures, its pending balance and the level thresholds read:
 * the database keeps them as commissions are written, and they always equal the
 * commissions added up (`distribution_commission_total_derived`), through the
 * credit, the settlement, reversals, deletes, and two transactions changing
 * lines of one order at once.
 */
distributionModuleTests((suite) => {
  const { service, MikroOrmWrapper } = suite
  const day = programmeDay(suite)
  const { sql, distributor, commission, credit, due, settle, reverse } = day

  const columns = `distributor_id, lines, pending_lines, trim_scale(sales)::text AS sales, orders,
    trim_scale(commissions)::text AS commissions, trim_scale(pending)::text AS pending,
    trim_scale(round(settled_personal_sales, 10))::text AS settled_personal_sales,
    trim_scale(round(settled_team_sales, 10))::text AS settled_team_sales, settled_orders`
  const kept = (id: string) =>
    sql<Totals>(`SELECT ${columns} FROM distribution_commission_total WHERE distributor_id = ? AND currency_code = 'cny'`, [id])
  const derived = (id: string) =>
    sql<Totals>(`SELECT ${columns} FROM distribution_commission_total_derived WHERE distributor_id = ? AND currency_code = 'cny'`, [id])

  /** The kept totals equal the commissions added up, and are these. */
  async function expectTotals(id: string, expected: Partial<Totals>) {
    const [row] = await kept(id)
    expect(row).toEqual((await derived(id))[0])
    expect(row).toEqual(expect.objectContaining(expected))
  }

  it("keeps a distributor's totals through the credit, the settlement, a return, a cancel and a delete", async () => {
    const a = await distributor()
    // Orders 1 and 2: a line each for a at depth 1; order 3: a at depth 2;
    // order 4: two lines at depth 1, one order.
    await credit(a, "order_1", "line_1a", "24.69")
    await credit(a, "order_2", "line_2a", "24.69")
    await service.insertCommissions([{ ...commission(a, "order_3", "line_3a", "12.34"), depth: 2 }])
    await credit(a, "order_4", "line_4a", "24.69")
    await credit(a, "order_4", "line_4b", "24.69")
    await expectTotals(a, {
      lines: 5,
      pending_lines: 5,
      sales: "987.6",
      orders: 3,
      commissions: "111.1",
      pending: "111.1",
      settled_personal_sales: "0",
      settled_orders: 0,
    })
    // A replayed credit writes no row, and moves no total.
    const before = await kept(a)
    expect(await credit(a, "order_4", "line_4b", "24.69")).toEqual([])
    expect(await kept(a)).toEqual(before)

    await due("order_1")
    await due("order_3")
    await settle()
    await expectTotals(a, {
      pending_lines: 3,
      pending: "74.07",
      orders: 3,
      settled_personal_sales: "246.9",
      settled_team_sales: "493.8",
      settled_orders: 1,
    })
    // What the level check, the progress bar and the balances read.
    expect(await service.getLevelStats(a, "cny")).toEqual(
      expect.objectContaining({ personal_sales: expect.stringMatching(/^246\.90*$/), team_sales: expect.stringMatching(/^493\.80*$/), orders: 1 })
    )
    expect((await service.getBalances(a))[0]).toEqual(expect.objectContaining({ pending: "74.07", available: "37.03" }))

    // One of line 1a's two units back: its commission keeps about half, and so does its sale.
    await reverse("order_1", "line_1a", { returned: 1 }, "return_1")
    await expectTotals(a, { orders: 3, settled_orders: 1 })
    expect(Number((await service.getLevelStats(a, "cny"))!.personal_sales)).toBeCloseTo(123.5, 0)

    // Order 2 canceled before it settled: it no longer counts.
    await reverse("order_2", "line_2a", { canceled: true })
    await expectTotals(a, { pending_lines: 2, pending: "49.38", orders: 2, sales: "740.7" })

    // Line 1a wholly returned: order 1 counts no more, settled or not.
    await reverse("order_1", "line_1a", { returned: 2 }, "return_2")
    await expectTotals(a, { orders: 1, settled_orders: 0, settled_personal_sales: "0", settled_team_sales: "246.9", sales: "493.8" })

    // Rows deleted (a fixture's cleanup): the totals follow, and the centre lists no currency.
    await sql(`DELETE FROM distribution_commission WHERE distributor_id = ?`, [a])
    expect(await derived(a)).toEqual([])
    expect(await kept(a)).toEqual([
      {
        distributor_id: a,
        lines: 0,
        pending_lines: 0,
        sales: "0",
        orders: 0,
        commissions: "0",
        pending: "0",
        settled_personal_sales: "0",
        settled_team_sales: "0",
        settled_orders: 0,
      },
    ])
    const summary = await service.getCentreSummary(
      { id: a, path: `/${a}/`, depth: 0, team_size: 0, direct_count: 0, level: null } as never,
      { tz: "Asia/Shanghai", now: new Date(), currency_code: "cny" }
    )
    expect(summary).toEqual(expect.objectContaining({ all_time: [], this_month: [], today: [] }))
  })

  it("counts an order once while two transactions reverse its two lines at the same time", async () => {
    const a = await distributor()
    await credit(a, "order_x", "line_x1", "24.69")
    await credit(a, "order_x", "line_x2", "24.69")
    await expectTotals(a, { orders: 1 })

    // The first reverses line 1 and holds its transaction open; the second
    // reverses line 2 meanwhile: each alone still sees the other line counting.
    const first = MikroOrmWrapper.forkManager()
    const second = MikroOrmWrapper.forkManager()
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    let firstWrote!: () => void
    const wrote = new Promise<void>((resolve) => (firstWrote = resolve))
    const reverseLine = (line: string) =>
      `UPDATE distribution_commission SET status = 'reversed', reversed_amount = amount WHERE line_item_id = '${line}'`
    const one = first.transactional(async (tx) => {
      await tx.execute(reverseLine("line_x1"))
      firstWrote()
      await held
    })
    await wrote
    const two = second.transactional(async (tx) => {
      await tx.execute(reverseLine("line_x2"))
    })
    // The second waits for the first's lock on the totals, then counts.
    await new Promise((r) => setTimeout(r, 300))
    release()
    await Promise.all([one, two])
    await expectTotals(a, { orders: 0, lines: 2, commissions: "0", sales: "0" })
  })

  it("changes no total when only a due date moves", async () => {
    const a = await distributor()
    await credit(a, "order_d", "line_d1", "24.69")
    const before = await kept(a)
    await due("order_d")
    expect(await kept(a)).toEqual(before)
    expect((await sql(`SELECT eligible_at FROM distribution_commission WHERE order_id = 'order_d'`))[0].eligible_at).not.toBeNull()
  })
})
