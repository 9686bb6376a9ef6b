import crypto from "crypto"
import fc from "fast-check"
import { distributionModuleTests } from "./module-runner"

jest.setTimeout(180_000)

distributionModuleTests(({ service, MikroOrmWrapper }) => {
  const make = (i: number, parent_id: string | null, status: "active" | "pending" = "active") =>
    service.createDistributor({
      customer_id: `cus_${i}`,
      email: `d${i}@example.com`,
      display_name: `D ${i}`,
      parent_id,
      status,
      application: { name: `D ${i}`, phone: "13800000000" },
    })

  /** Recomputes everything the counters and paths claim, from parent_id alone. */
  async function expectTreeConsistent() {
    const distributors = await service.listDistributors({}, { take: null })
    // Every distributor has its place in the tree's table, and no one else has one.
    const rows = await service.withTreePositions(distributors)
    expect(rows).toHaveLength(distributors.length)
    const [{ n }] = await MikroOrmWrapper.forkManager().execute("select count(*)::int as n from distribution_distributor_tree")
    expect(n).toBe(distributors.length)
    const byId = new Map(rows.map((r) => [r.id, r]))
    for (const row of rows) {
      const chain: string[] = []
      for (let p = row.parent_id; p; p = byId.get(p)!.parent_id) {
        chain.unshift(p)
        expect(chain.length).toBeLessThan(rows.length)
      }
      expect(row.path).toBe(`/${[...chain, row.id].join("/")}/`)
      expect(row.depth).toBe(chain.length)
      expect(row.team_size).toBe(rows.filter((r) => r.id !== row.id && r.path.startsWith(row.path)).length)
      expect(row.direct_count).toBe(rows.filter((r) => r.parent_id === row.id).length)
    }
    return rows
  }

  it("keeps paths, depths and counters exact through random inserts and subtree moves", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { minLength: 30, maxLength: 30 }),
        async (parents, moves) => {
          await MikroOrmWrapper.forkManager().execute("delete from distribution_distributor")
          const ids: string[] = []
          for (let i = 0; i < parents.length; i++) {
            const parent = i === 0 || parents[i] % 5 === 0 ? null : ids[parents[i] % i]
            ids.push((await make(i, parent)).id)
          }
          for (const [a, b, toTop] of moves) {
            const id = ids[a % ids.length]
            const target = toTop ? null : ids[b % ids.length]
            const before = await service.retrieveDistributorWithPosition(id)
            const targetRow = target ? await service.retrieveDistributorWithPosition(target) : null
            const cycle = !!targetRow && targetRow.path.startsWith(before.path)
            const same = (target ?? null) === before.parent_id
            try {
              await service.moveDistributor({ id, parent_id: target })
              expect(cycle || same).toBe(false)
            } catch (e) {
              expect(cycle || same).toBe(true)
              expect((e as Error).message).toMatch(cycle ? /cycle/ : /already/)
            }
          }
          const rows = await expectTreeConsistent()
          expect(rows).toHaveLength(40)
        }
      ),
      { numRuns: 4 }
    )
  })

  it("refuses a move under a non-active parent and changes nothing", async () => {
    const a = await make(1, null)
    const b = await make(2, null, "pending")
    await expect(service.moveDistributor({ id: a.id, parent_id: b.id })).rejects.toThrow(
      "The new parent must be an active distributor (its status is pending)"
    )
    expect((await service.retrieveDistributorWithPosition(a.id)).path).toBe(`/${a.id}/`)
  })

  it("a move writes the moved rows' places in the tree's table and, of the distributors, only its root's parent", async () => {
    const a = await make(1, null)
    const b = await make(2, a.id)
    const c = await make(3, b.id)
    const d = await make(4, c.id)
    const e = await make(5, null)
    const manager = MikroOrmWrapper.forkManager()
    const stamps = async () =>
      new Map(
        (
          (await manager.execute("select id, updated_at::text as at from distribution_distributor")) as { id: string; at: string }[]
        ).map((r) => [r.id, r.at])
      )
    const before = await stamps()
    expect(await service.moveDistributor({ id: b.id, parent_id: e.id })).toEqual({ previous_parent_id: a.id, moved: 3 })
    const after = await stamps()
    // The root of the move has a new parent; its team's rows are untouched.
    expect([b.id, c.id, d.id].map((id) => after.get(id) !== before.get(id))).toEqual([true, false, false])
    const placed = await service.withTreePositions([b, c, d].map((r) => ({ id: r.id })))
    expect(placed).toEqual([
      { id: b.id, path: `/${e.id}/${b.id}/`, depth: 1 },
      { id: c.id, path: `/${e.id}/${b.id}/${c.id}/`, depth: 2 },
      { id: d.id, path: `/${e.id}/${b.id}/${c.id}/${d.id}/`, depth: 3 },
    ])
    expect((await service.listTeam(e.id, { depth: 3, limit: 10, offset: 0 })).rows.map((r) => [r.id, r.depth])).toEqual([[d.id, 3]])
    const chain = await service.getCommissionChain(d.id, 3)
    expect(chain.map((r) => r.id)).toEqual([d.id, c.id, b.id])
    // The upline, nearest first, each with its place as the tree's table holds it.
    const upline = await service.getUpline(d.id)
    expect(upline.map((r) => [r.id, r.depth, r.path])).toEqual(
      (await service.withTreePositions([c, b, e].map((r) => ({ id: r.id })))).map((r) => [r.id, r.depth, r.path])
    )
    expect(upline.map((r) => r.depth)).toEqual([2, 1, 0])
  })

  it("a soft deletion, a restore and a registration time set afterwards reach the tree's table", async () => {
    const a = await make(1, null)
    const b = await make(2, a.id)
    const c = await make(3, a.id)
    const manager = MikroOrmWrapper.forkManager()
    await manager.execute("update distribution_distributor set created_at = '2020-01-01T00:00:00Z' where id = ?", [c.id])
    // The team's order is the registration's, newest first: b, then c (now the older).
    expect((await service.listTeam(a.id, { depth: 1, limit: 10, offset: 0 })).rows.map((r) => r.id)).toEqual([b.id, c.id])
    await service.softDeleteDistributors([b.id])
    const page = await service.listTeam(a.id, { depth: 1, limit: 10, offset: 0 })
    expect([page.count, page.rows.map((r) => r.id)]).toEqual([1, [c.id]])
    expect(await service.withTreePositions([{ id: b.id }])).toEqual([])
    await service.restoreDistributors([b.id])
    expect((await service.listTeam(a.id, { depth: 1, limit: 10, offset: 0 })).count).toBe(2)
    // A hard deletion takes the place with it.
    await service.removeLeafDistributor(c.id)
    const [{ n }] = await manager.execute("select count(*)::int as n from distribution_distributor_tree where id = ?", [c.id])
    expect(n).toBe(0)
    expect((await service.retrieveDistributor(a.id)).team_size).toBe(1)
  })

  it("refuses a distributor written without its place in the tree, and keeps nothing of it", async () => {
    await expect(
      MikroOrmWrapper.forkManager().execute(
        "insert into distribution_distributor (id, customer_id, status) values ('dist_outside', 'cus_outside', 'active')"
      )
    ).rejects.toThrow(/Distributor dist_outside has no place in the tree: register distributors with the module's createDistributor/)
    expect(await service.listDistributors({ customer_id: "cus_outside" })).toEqual([])
  })

  it("retries a colliding referral code inside the transaction", async () => {
    const first = await make(1, null)
    const taken = first.referral_code!
    const alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
    // The first seven draws spell the taken code again, then the draws move on.
    const draws = [...taken].map((c) => alphabet.indexOf(c))
    let n = 0
    const spy = jest
      .spyOn(crypto, "randomInt")
      .mockImplementation(((max: number) => (n < draws.length ? draws[n++] : (n++ * 7) % max)) as never)
    try {
      const second = await make(2, null)
      expect(second.referral_code).not.toBe(taken)
      expect(second.referral_code).toHaveLength(7)
      expect(n).toBeGreaterThanOrEqual(14)
    } finally {
      spy.mockRestore()
    }
    const rows = await service.listDistributors({})
    expect(new Set(rows.map((r) => r.referral_code)).size).toBe(2)
  })

  it("reads the settings row from the defaults once, even when asked concurrently", async () => {
    const all = await Promise.all(Array.from({ length: 10 }, () => service.getSettings()))
    expect(new Set(all.map((s) => s.id)).size).toBe(1)
    expect(all[0]).toMatchObject({ max_depth: 2, application_mode: "review", freeze_days: 7, order_cap_bps: 3000 })
    await expect(service.updateSettings({ max_depth: 4 })).rejects.toThrow("max_depth must be 1, 2 or 3")
    expect((await service.getSettings()).max_depth).toBe(2)
  })
})
