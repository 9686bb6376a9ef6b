import { programmeDay } from "./fixtures"
import { distributionModuleTests } from "./module-runner"

jest.setTimeout(180_000)

distributionModuleTests(({ service, MikroOrmWrapper }) => {
  const day = programmeDay({ service, MikroOrmWrapper })
  async function programme(count: number) {
    const bronze = await service.createDistributionLevels({ name: "铜牌", rank: 1, is_default: true })
    // Reached automatically by anyone active (no recruit needed): every check finds everyone due.
    const gold = await service.createDistributionLevels({ name: "金牌", rank: 2, upgrade_direct_recruits: 0 })
    const platinum = await service.createDistributionLevels({ name: "白金", rank: 3 })
    const ids: string[] = []
    for (let i = 0; i < count; i++) {
      const made = await service.createDistributor({
        customer_id: `cus_level_${i}`,
        email: `level${i}@example.com`,
        display_name: `L ${i}`,
        parent_id: null,
        status: "active",
        application: { name: `L ${i}`, phone: "13800000000" },
      })
      ids.push(made.id)
    }
    await service.updateDistributors(ids.map((id) => ({ id, level_id: bronze.id })))
    return { bronze, gold, platinum, ids }
  }

  it("upgrades each qualifying distributor exactly once when level checks race, and never moves anyone down", async () => {
    const { bronze, gold, platinum, ids } = await programme(12)
    const [raised, ...others] = ids
    await service.updateDistributors([{ id: raised, level_id: platinum.id }])

    // Twenty checks at once over the same distributors, each in another order (as
    // settlement batches running side by side see them).
    const checks = await Promise.all(
      Array.from({ length: 20 }, (_, k) => {
        const rotated = [...ids.slice(k), ...ids.slice(0, k)]
        return service.upgradeLevels(k % 2 ? rotated.reverse() : rotated, "cny")
      })
    )
    const changes = checks.flat()
    expect(changes.map((c) => c.id).sort()).toEqual([...others].sort())
    expect(changes.every((c) => c.from_level_id === bronze.id && c.to_level_id === gold.id)).toBe(true)

    const after = await service.listDistributors({ id: ids })
    const levelOf = new Map(after.map((d) => [d.id, d.level_id]))
    expect(levelOf.get(raised)).toBe(platinum.id)
    expect(others.map((id) => levelOf.get(id))).toEqual(others.map(() => gold.id))
    // A check after the race finds nothing left to do.
    expect(await service.upgradeLevels(ids, "cny")).toEqual([])
  })

  it("applies an upgrade read before another check applied it only once", async () => {
    const { bronze, gold, ids } = await programme(3)
    const waiting = async () => {
      const [row] = await MikroOrmWrapper.forkManager().execute(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`
      )
      return row.n as number
    }
    // Another transaction holds one of the rows: both checks read their targets,
    // then wait on it, so both hold a read that becomes stale.
    let release!: () => void
    let holding!: () => void
    const held = new Promise<void>((r) => (holding = r))
    const blocker = MikroOrmWrapper.forkManager().transactional(async (tx) => {
      await tx.execute(`SELECT id FROM distribution_distributor WHERE id = ? FOR UPDATE`, [ids[0]])
      holding()
      await new Promise<void>((r) => (release = r))
    })
    await held
    const checks = [service.upgradeLevels(ids, "cny"), service.upgradeLevels([...ids].reverse(), "cny")]
    for (let tries = 0; (await waiting()) < 2; tries++) {
      expect(tries).toBeLessThan(200)
      await new Promise((r) => setTimeout(r, 25))
    }
    release()
    await blocker
    const [first, second] = await Promise.all(checks)
    const changes = [...first, ...second]
    expect(changes.map((c) => c.id).sort()).toEqual([...ids].sort())
    expect(changes.every((c) => c.from_level_id === bronze.id && c.to_level_id === gold.id)).toBe(true)
  })

  it("measures sales thresholds in the programme's currency only: sales in another currency never count towards them", async () => {
    const bronze = await service.createDistributionLevels({ name: "铜牌", rank: 1, is_default: true })
    const silver = await service.createDistributionLevels({ name: "银牌", rank: 2, upgrade_personal_sales: 300 })
    const id = await day.distributor()
    await service.updateDistributors([{ id, level_id: bronze.id }])
    // 246.90 CNY settled, and 500.00 HKD settled: neither alone reaches 300 CNY; added up they would.
    await service.insertCommissions([
      day.commission(id, "order_cny_1", "line_cny_1", "24.69"),
      { ...day.commission(id, "order_hkd_1", "line_hkd_1", "50.00"), base_amount: "500.00", currency_code: "hkd" },
    ])
    await day.due("order_cny_1")
    await day.due("order_hkd_1")
    await day.settle()
    expect(await service.upgradeLevels([id], "cny")).toEqual([])
    expect(Number((await service.getLevelStats(id, "cny"))!.personal_sales)).toBe(246.9)

    await day.credit(id, "order_cny_2", "line_cny_2", "24.69")
    await day.due("order_cny_2")
    await day.settle()
    expect(await service.upgradeLevels([id], "cny")).toEqual([{ id, from_level_id: bronze.id, to_level_id: silver.id }])
  })
  it("upgrades on the kept totals exactly at a threshold, to the highest level met, and leaves those above or below it alone", async () => {
    const bronze = await service.createDistributionLevels({ name: "铜牌", rank: 1, is_default: true })
    const silver = await service.createDistributionLevels({ name: "银牌", rank: 2, upgrade_team_sales: 493.8 })
    const gold = await service.createDistributionLevels({
      name: "金牌",
      rank: 3,
      upgrade_personal_sales: 740.7,
      upgrade_orders: 3,
    })
    const climber = await day.distributor()
    const golden = await day.distributor()
    await service.updateDistributors([
      { id: climber, level_id: bronze.id },
      { id: golden, level_id: gold.id },
    ])
    // 246.90 settled: below silver's 493.80 (and gold's) on the totals, so neither is a climber.
    await day.credit(climber, "order_t_1", "line_t_1", "24.69")
    await day.credit(golden, "order_t_g", "line_t_g", "24.69")
    await day.due("order_t_1")
    await day.due("order_t_g")
    await day.settle()
    expect(await service.upgradeLevels([climber, golden], "cny")).toEqual([])

    // 493.80 settled: silver's threshold exactly; gold's personal sales not yet.
    await day.credit(climber, "order_t_2", "line_t_2", "24.69")
    await day.due("order_t_2")
    await day.settle()
    expect(await service.upgradeLevels([climber, golden], "cny")).toEqual([
      { id: climber, from_level_id: bronze.id, to_level_id: silver.id },
    ])

    // 740.70 over 3 orders: gold's every threshold; a distributor already at gold stays there.
    await day.credit(climber, "order_t_3", "line_t_3", "24.69")
    await day.credit(golden, "order_t_g2", "line_t_g2", "24.69")
    await day.due("order_t_3")
    await day.due("order_t_g2")
    await day.settle()
    expect(await service.upgradeLevels([golden, climber], "cny")).toEqual([
      { id: climber, from_level_id: silver.id, to_level_id: gold.id },
    ])
    const after = await service.listDistributors({ id: [climber, golden] })
    expect(Object.fromEntries(after.map((d) => [d.id, d.level_id]))).toEqual({ [climber]: gold.id, [golden]: gold.id })
    expect(await service.upgradeLevels([climber, golden], "cny")).toEqual([])
  })
})
