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
    const rows = await service.listDistributors({}, { take: null })
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
            const before = await service.retrieveDistributor(id)
            const targetRow = target ? await service.retrieveDistributor(target) : null
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
    expect((await service.retrieveDistributor(a.id)).path).toBe(`/${a.id}/`)
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
