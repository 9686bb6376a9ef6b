import { DistributorSearch } from "../queries/distributor-search"
import { distributionModuleTests } from "./module-runner"

jest.setTimeout(180_000)

/**
 * The admin's distributor search with a small count cap: the count is exact up
 * to the cap and flagged beyond it, and whichever way the page is found (the
 * matches sorted, an order index walked, or a walk that falls back to sorting)
 * it is the page an exhaustive sort of every match gives.
 */
distributionModuleTests(({ service, MikroOrmWrapper }) => {
  type Row = {
    id: string
    email: string | null
    display_name: string | null
    referral_code: string | null
    status: string
    parent_id: string | null
    depth: number
    team_size: number
    created: string
  }

  /**
   * Six chains of ten (team sizes 9 down to 0), registered one after the
   * other: the first twelve are "Wang", every fifth after them "Zhao", the rest
   * "Li"; then three pending applicants named Zhao, the newest of all.
   */
  beforeEach(async () => {
    await MikroOrmWrapper.forkManager().execute("delete from distribution_distributor")
    let parent: string | null = null
    for (let i = 0; i < 63; i++) {
      const pending = i >= 60
      const name = i < 12 ? "Wang" : i % 5 === 0 || pending ? "Zhao" : "Li"
      const made = await service.createDistributor({
        customer_id: `cus_search_${i}`,
        email: `d${i}@example.com`,
        display_name: `${name} ${i}`,
        parent_id: pending || i % 10 === 0 ? null : parent,
        status: pending ? "pending" : "active",
        application: null,
      })
      parent = made.id
    }
  })

  /** Every row, as the database holds it (registration times to the microsecond, so that they sort as there). */
  async function allRows(): Promise<Row[]> {
    return await MikroOrmWrapper.forkManager().execute(
      `SELECT d.id, d.email, d.display_name, d.referral_code, d.status, d.parent_id, t.depth, d.team_size,
              to_char(d.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS created
         FROM distribution_distributor d JOIN distribution_distributor_tree t ON t.id = d.id WHERE d.deleted_at IS NULL`
    )
  }

  /** The page and count by brute force: every row filtered and sorted here. */
  async function expected(search: DistributorSearch) {
    const term = search.q.toLowerCase()
    const key = (r: Row) => (search.order.column === "created_at" ? r.created : (r as unknown as Record<string, number>)[search.order.column])
    const matches = (await allRows()).filter(
      (r) =>
        ((r.referral_code ?? "").toLowerCase().startsWith(term) ||
          (r.email ?? "").toLowerCase().includes(term) ||
          (r.display_name ?? "").toLowerCase().includes(term)) &&
        (!search.status || search.status.includes(r.status)) &&
        (search.parent_id === undefined || r.parent_id === search.parent_id) &&
        (search.depth === undefined || r.depth === search.depth)
    )
    const sign = search.order.descending ? -1 : 1
    matches.sort((a, b) => {
      const [ka, kb] = [key(a), key(b)]
      if (ka !== kb) return ka < kb ? -sign : sign
      return a.id < b.id ? -sign : sign
    })
    return { matched: matches.length, ids: matches.slice(search.offset, search.offset + search.limit).map((r) => r.id) }
  }

  const search = (s: Partial<DistributorSearch> & { q: string }): DistributorSearch => ({
    order: { column: "team_size", descending: true },
    limit: 2,
    offset: 0,
    count_cap: 5,
    walk_rows: 10,
    ...s,
  })

  it("counts exactly up to the cap and sorts every match for the page", async () => {
    const s = search({ q: "zhao", count_cap: 20, limit: 3, offset: 2 })
    const page = await service.searchDistributors(s)
    const truth = await expected(s)
    expect(truth.matched).toBe(12)
    expect(page).toEqual({ ids: truth.ids, count: 12, count_capped: false, plan: "sort", counted: "matches" })
    expect(page.ids).toHaveLength(3)
  })

  it("stops counting at the cap and finds the page along the team size index", async () => {
    const s = search({ q: "zhao" })
    const page = await service.searchDistributors(s)
    const truth = await expected(s)
    expect(truth.matched).toBe(12)
    // The four founders named Zhao have the largest teams (9): the walk's first rows.
    // More than the cap of the names begin with it: counted from the prefix index.
    expect(page).toEqual({ ids: truth.ids, count: 5, count_capped: true, plan: "walk", counted: "prefixes" })
    expect(page.ids).toHaveLength(2)
  })

  it("walks registration order both ways, and sorts the matches when they lie beyond the walk's window", async () => {
    // The twelve Wang are the oldest: first in ascending order…
    const oldest = search({ q: "WANG", order: { column: "created_at", descending: false } })
    expect(await service.searchDistributors(oldest)).toEqual({
      ids: (await expected(oldest)).ids,
      count: 5,
      count_capped: true,
      plan: "walk",
      counted: "prefixes",
    })
    // …and behind the 51 newer ones in descending order, beyond a window of 10 rows.
    const newest = search({ q: "WANG", order: { column: "created_at", descending: true } })
    const page = await service.searchDistributors(newest)
    expect(page).toEqual({ ids: (await expected(newest)).ids, count: 5, count_capped: true, plan: "walk_then_sort", counted: "prefixes" })
    const names = (await allRows()).filter((r) => page.ids.includes(r.id)).map((r) => r.display_name)
    expect(names.sort()).toEqual(["Wang 10", "Wang 11"])
  })

  it("sorts every match for an order without an index", async () => {
    const s = search({ q: "zhao", order: { column: "depth", descending: true }, limit: 4 })
    const page = await service.searchDistributors(s)
    expect(page).toEqual({ ids: (await expected(s)).ids, count: 5, count_capped: true, plan: "sort", counted: "matches" })
  })

  it("applies the filters with the term, and takes LIKE's wildcards literally", async () => {
    const roots = search({ q: "zhao", status: ["active"], parent_id: null, count_cap: 10, limit: 10 })
    const page = await service.searchDistributors(roots)
    expect(page).toEqual({ ids: (await expected(roots)).ids, count: 4, count_capped: false, plan: "sort", counted: "matches" })
    const deep = search({ q: "li", depth: 9, count_cap: 10, limit: 10 })
    expect(await service.searchDistributors(deep)).toEqual({ ids: (await expected(deep)).ids, count: 5, count_capped: false, plan: "sort", counted: "matches" })
    const pending = search({ q: "zhao", status: ["pending"], order: { column: "created_at", descending: true }, count_cap: 2 })
    expect(await service.searchDistributors(pending)).toEqual({
      ids: (await expected(pending)).ids,
      count: 2,
      count_capped: true,
      plan: "walk",
      counted: "matches",
    })
    for (const q of ["%", "_", "\\"]) {
      expect(await service.searchDistributors(search({ q }))).toEqual({ ids: [], count: 0, count_capped: false, plan: "sort", counted: "matches" })
    }
  })

  it("counts a term inside the names from its matches, and one that begins many addresses from their prefixes", async () => {
    // No name begins with "hao": the twelve Zhao are read to count them.
    const inside = search({ q: "hao" })
    expect(await service.searchDistributors(inside)).toEqual({
      ids: (await expected(inside)).ids,
      count: 5,
      count_capped: true,
      plan: "walk",
      counted: "matches",
    })
    // d1@, d10@ … d19@: eleven addresses begin with "D1", more than the cap.
    const addresses = search({ q: "D1", limit: 3, walk_rows: 100 })
    const truth = await expected(addresses)
    expect(truth.matched).toBe(11)
    expect(await service.searchDistributors(addresses)).toEqual({
      ids: truth.ids,
      count: 5,
      count_capped: true,
      plan: "walk",
      counted: "prefixes",
    })
  })

  it("looks for a term with a space in the names only, and for a code's beginning among the codes", async () => {
    const spaced = search({ q: "wang 1", count_cap: 10, limit: 10 })
    const truth = await expected(spaced)
    expect(truth.matched).toBe(3)
    expect(await service.searchDistributors(spaced)).toEqual({
      ids: truth.ids,
      count: 3,
      count_capped: false,
      plan: "sort",
      counted: "matches",
    })
    // A code's first four characters, typed in lower case, find it (and any other code they begin).
    const [row] = (await allRows()).filter((r) => r.display_name === "Li 33")
    const byCode = search({ q: row.referral_code!.slice(0, 4).toLowerCase(), count_cap: 10, limit: 10 })
    const page = await service.searchDistributors(byCode)
    expect(page.ids).toContain(row.id)
    const codeTruth = await expected(byCode)
    expect(page).toEqual({ ids: codeTruth.ids, count: codeTruth.matched, count_capped: false, plan: "sort", counted: "matches" })
  })

  it("keeps the search's table equal to the live distributors through every write, and a move leaves the moved rows' entries alone", async () => {
    const manager = () => MikroOrmWrapper.forkManager()
    // The rows the search's table should hold, and the rows it holds.
    const derived = async () =>
      await manager().execute(
        `SELECT id, display_name, email, referral_code, team_size, created_at FROM distribution_distributor
          WHERE deleted_at IS NULL ORDER BY id`
      )
    const kept = async () =>
      await manager().execute(
        `SELECT id, display_name, email, referral_code, team_size, created_at FROM distribution_distributor_search ORDER BY id`
      )
    const expectKept = async (count: number) => {
      const rows = await kept()
      expect(rows).toHaveLength(count)
      expect(rows).toEqual(await derived())
    }
    await expectKept(63)

    // A registration under a deep member: its row, and its whole upline's team sizes.
    const rows = await allRows()
    const deepest = rows.find((r) => r.display_name === "Li 59")!
    const made = await service.createDistributor({
      customer_id: "cus_search_new",
      email: "new@example.com",
      display_name: "Sun 63",
      parent_id: deepest.id,
      status: "active",
      application: null,
    })
    await expectKept(64)
    expect((await kept()).find((r: { id: string }) => r.id === made.id)).toMatchObject({ display_name: "Sun 63", team_size: 0 })

    // A copied name and address, and a new code.
    await service.updateDistributors({ id: made.id, display_name: "Sun Li", email: "sun.li@example.com", referral_code: "SUN2345" })
    await expectKept(64)
    expect(await service.searchDistributors(search({ q: "sun23", count_cap: 10, limit: 10 }))).toMatchObject({ ids: [made.id], count: 1 })
    expect(await service.searchDistributors(search({ q: "sun li", count_cap: 10, limit: 10 }))).toMatchObject({ ids: [made.id], count: 1 })

    // A move of a subtree of six (Zhao 55, the four under it and the new row) under another founder: the
    // moved rows' entries are not rewritten (their transaction ids stay), only
    // the two uplines' team sizes change.
    const root = rows.find((r) => r.display_name === "Zhao 55")!
    const founder = rows.find((r) => r.display_name === "Zhao 40")!
    const xmins = async () =>
      new Map(
        (await manager().execute(`SELECT id, xmin::text AS x FROM distribution_distributor_search`)).map(
          (r: { id: string; x: string }) => [r.id, r.x] as const
        )
      )
    const before = await xmins()
    const moved = await service.moveDistributor({ id: root.id, parent_id: founder.id })
    expect(moved.moved).toBe(6)
    await expectKept(64)
    const after = await xmins()
    const rewritten = [...after.keys()].filter((id) => after.get(id) !== before.get(id))
    const names = new Map((await allRows()).map((r) => [r.id, r.display_name]))
    // The old upline (Zhao 50 … Li 54) lost six, the new one (Zhao 40) gained six.
    expect(rewritten.map((id) => names.get(id)).sort()).toEqual(["Li 51", "Li 52", "Li 53", "Li 54", "Zhao 40", "Zhao 50"])
    expect((await derived()).find((r: { id: string }) => r.id === founder.id)).toMatchObject({ team_size: 15 })

    // A soft delete takes the row out of the search, a restore brings it back; a removed leaf is gone.
    await service.softDeleteDistributors([made.id])
    await expectKept(63)
    expect(await service.searchDistributors(search({ q: "sun", count_cap: 10, limit: 10 }))).toMatchObject({ ids: [], count: 0 })
    await service.restoreDistributors([made.id])
    await expectKept(64)
    await service.removeLeafDistributor(made.id)
    await expectKept(63)
    expect(await service.listDistributorIdsMatching({ q: "sun", limit: 10 })).toEqual([])
    expect((await service.listDistributorIdsMatching({ q: "zhao", limit: 100 })).sort()).toEqual(
      (await allRows()).filter((r) => r.display_name!.startsWith("Zhao")).map((r) => r.id).sort()
    )
  })

  it("registers concurrently under one upline without a deadlock, and keeps the search's table equal to the live distributors", async () => {
    // Three parents on one chain (their uplines overlap): before the upline's rows were locked
    // deepest first, two such registrations deadlocked (PostgreSQL aborted one).
    const all = await allRows()
    const parents = ["Li 59", "Li 57", "Zhao 55"].map((name) => all.find((r) => r.display_name === name)!)
    const made = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        service.createDistributor({
          customer_id: `cus_search_concurrent_${i}`,
          email: `c${i}@example.com`,
          display_name: `Qian ${i}`,
          parent_id: parents[i % 3].id,
          status: "active",
          application: null,
        })
      )
    )
    expect(new Set(made.map((m) => m.id)).size).toBe(12)
    const rows = async (table: string) =>
      await MikroOrmWrapper.forkManager().execute(
        `SELECT id, display_name, email, referral_code, team_size, created_at FROM ${table}
          ${table === "distribution_distributor" ? "WHERE deleted_at IS NULL" : ""} ORDER BY id`
      )
    const kept = await rows("distribution_distributor_search")
    expect(kept).toHaveLength(75)
    expect(kept).toEqual(await rows("distribution_distributor"))
    // The chain's founder (Zhao 50) counts its nine and the twelve new ones, in both tables,
    // and each parent its four new direct recruits.
    expect(kept.find((r: { display_name: string }) => r.display_name === "Zhao 50")).toMatchObject({ team_size: 21 })
    const direct = await MikroOrmWrapper.forkManager().execute(
      `SELECT display_name, direct_count FROM distribution_distributor WHERE id = ANY(?::text[]) ORDER BY display_name`,
      [`{${parents.map((p) => p.id).join(",")}}`]
    )
    expect(direct).toEqual([
      { display_name: "Li 57", direct_count: 5 },
      { display_name: "Li 59", direct_count: 4 },
      { display_name: "Zhao 55", direct_count: 5 },
    ])
  })
})
