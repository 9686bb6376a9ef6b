/**
 * `npm test -- cluster two-instances`: this repository built and started as two
 * instances on one database and one Redis, with Medusa's Redis modules — a
 * `server` (HTTP only: it emits events, handles none, runs no job) and a
 * `worker` (subscribers and jobs, no routes). 30 orders are placed through the
 * server, each event handled by the worker through the Redis event bus; then
 * order.placed is replayed three times for every order (90 events) from a
 * process of its own. Exactly 180 commission rows (30 orders × 2 lines × 3
 * levels), to the cent, none twice; after fulfilment (the settle-on state,
 * freeze 0) the worker's settlement job settles each one once: one ledger
 * entry each, every wallet equal to its ledger.
 */
import { AxiosInstance } from "axios"
import { Headers, StoreCustomer } from "../helpers/auth"
import { Distributor } from "../helpers/distribution"
import { placeOrder } from "../helpers/orders"
import { MedusaServer } from "../helpers/processes"
import {
  api,
  BASKET,
  Cluster,
  commissions,
  countInLog,
  EXPECTED_LINE_AMOUNTS,
  loginAdmin,
  log,
  KEEP,
  PER_ORDER_BY_DEPTH,
  prepareCluster,
  setUpProgramme,
  stockLocationId,
  sumCents,
  until,
  wallets,
} from "./cluster"

const ORDERS = 30
const BUYERS = 6
const REPLAYS = 3
const ROWS = ORDERS * BASKET.length * 3

let cluster: Cluster
let server: MedusaServer
let worker: MedusaServer
let client: AxiosInstance
let admin: Headers
let tree: { a: Distributor; b: Distributor; c: Distributor; buyers: StoreCustomer[] }
let orderIds: string[] = []
let failed = false
const started = Date.now()

beforeAll(async () => {
  cluster = await prepareCluster("two_instances")
  // The settlement job every 5 s; the reconcile job never in this test (1 January, 00:00), so
  // that every credit is the event bus's work.
  const jobs = { DISTRIBUTION_SETTLE_SCHEDULE: "*/5 * * * * *", DISTRIBUTION_RECONCILE_SCHEDULE: "0 0 1 1 *" }
  server = cluster.instance("server", "server", jobs)
  worker = cluster.instance("worker", "worker", jobs)
  const boot = Date.now()
  await Promise.all([server.start(), worker.start()])
  log(`server and worker answered /health after ${((Date.now() - boot) / 1000).toFixed(0)} s (logs in ${cluster.work})`)
  client = api(server)
  admin = await loginAdmin(client, cluster.template.seeded)
  tree = await setUpProgramme(client, cluster.shop, admin, { settle_on: "fulfilled", freeze_days: 0 }, BUYERS)
  log(`programme and ${BUYERS} buyers set up (${((Date.now() - boot) / 1000).toFixed(0)} s after the boot began)`)
})

afterAll(async () => {
  await cluster?.teardown({ keep: failed || KEEP })
  log(`two-instances: ${((Date.now() - started) / 1000).toFixed(0)} s in all`)
})

/** Marks the run failed (logs kept) when the test throws. */
const step = (name: string, fn: () => Promise<void>) =>
  test(name, async () => {
    try {
      await fn()
    } catch (e) {
      failed = true
      throw e
    }
  })

step("30 orders placed on the server instance are credited by the worker instance through Redis: 180 rows", async () => {
  // Six buyers order side by side, five rounds.
  const placing = Date.now()
  for (let round = 0; round < ORDERS / BUYERS; round++) {
    const placed = await Promise.all(tree.buyers.map((buyer) => placeOrder(client, cluster.shop, buyer, BASKET)))
    orderIds.push(...placed.map((o) => o.id))
  }
  log(`placed ${ORDERS} orders in ${((Date.now() - placing) / 1000).toFixed(0)} s`)
  expect(new Set(orderIds).size).toBe(ORDERS)
  await until("the worker credits 30 orders", 120_000, async () => {
    const [{ n }] = await cluster.query<{ n: number }>("select count(*)::int as n from distribution_commission")
    return n === ROWS && (await cluster.pendingEvents()) === 0 ? null : `${n} of ${ROWS} rows`
  })
  // Who handled the events: the worker, each order once; the server none.
  expect({
    worker: countInLog(worker, "distribution: credited order"),
    server: countInLog(server, "distribution: credited order"),
  }).toEqual({ worker: ORDERS, server: 0 })
})

step("order.placed replayed 3 times per order (90 events from another process) writes nothing: 180 rows, none twice, to the cent", async () => {
  const handledBefore = countInLog(worker, "Processing order.placed")
  await cluster.emit("order.placed", orderIds, REPLAYS)
  await until("the worker handles the 90 replayed events", 120_000, async () => {
    const handled = countInLog(worker, "Processing order.placed") - handledBefore
    const pending = await cluster.pendingEvents()
    return handled === ORDERS * REPLAYS && pending === 0 ? null : `${handled} handled, ${pending} in the queue`
  })
  // Each replay was delivered once, to the worker, and none failed.
  expect({
    handled: countInLog(worker, "Processing order.placed") - handledBefore,
    onServer: countInLog(server, "Processing order.placed"),
    failures: countInLog(worker, "An error occurred while processing order.placed"),
    credited: countInLog(worker, "distribution: credited order"),
  }).toEqual({ handled: ORDERS * REPLAYS, onServer: 0, failures: 0, credited: ORDERS })

  const rows = await commissions(cluster)
  expect(rows).toHaveLength(ROWS)
  const keys = new Set(rows.map((r) => `${r.order_id} ${r.line_item_id} ${r.depth}`))
  expect(keys.size).toBe(ROWS)
  expect(new Set(rows.map((r) => r.order_id))).toEqual(new Set(orderIds))
  const earner = [tree.c.distributor_id, tree.b.distributor_id, tree.a.distributor_id]
  const wrong = rows.filter(
    (r) => r.amount !== EXPECTED_LINE_AMOUNTS[`${r.sku} ${r.depth}`] || r.distributor_id !== earner[r.depth - 1] || r.status !== "pending"
  )
  expect(wrong).toEqual([])
  // No reconcile ran: every row above is the event bus's work.
  expect(await cluster.query("select id from distribution_job_run")).toEqual([])
})

step("after fulfilment (settle-on state, freeze 0) the worker's settlement job settles each commission once: one ledger entry each, wallets = ledger", async () => {
  const location = await stockLocationId(client, admin)
  for (const id of orderIds) {
    const { data } = await client.get(`/admin/orders/${id}?fields=*items`, admin)
    const items = data.order.items.map((i: { id: string; quantity: number }) => ({ id: i.id, quantity: i.quantity }))
    await client.post(`/admin/orders/${id}/fulfillments`, { items, location_id: location }, admin)
  }
  await until("every commission settled", 120_000, async () => {
    const rows = await commissions(cluster)
    const settled = rows.filter((r) => r.status === "settled").length
    return settled === ROWS ? null : `${settled} of ${ROWS} settled`
  })
  // Give further ticks of the job the chance to settle something twice.
  await new Promise((r) => setTimeout(r, 12_000))

  const rows = await commissions(cluster)
  expect(rows.filter((r) => r.status !== "settled" || r.eligible_at === null)).toEqual([])
  const entries = await cluster.query<{ kind: string; reference_id: string; amount: string; distributor_id: string }>(
    "select kind, reference_id, round(amount, 2)::text as amount, distributor_id from distribution_ledger_entry"
  )
  expect(entries).toHaveLength(ROWS)
  expect(entries.every((e) => e.kind === "commission_settled")).toBe(true)
  const byCommission = new Map(rows.map((r) => [r.id, r]))
  expect(new Set(entries.map((e) => e.reference_id)).size).toBe(ROWS)
  expect(entries.filter((e) => byCommission.get(e.reference_id)?.amount !== e.amount)).toEqual([])

  const expected = (depth: number) => sumCents(Array(ORDERS).fill(PER_ORDER_BY_DEPTH[depth - 1]))
  expect(await wallets(cluster)).toEqual(
    [
      { distributor_id: tree.c.distributor_id, available: expected(1), ledger: expected(1), settled: expected(1), entries: ORDERS * BASKET.length },
      { distributor_id: tree.b.distributor_id, available: expected(2), ledger: expected(2), settled: expected(2), entries: ORDERS * BASKET.length },
      { distributor_id: tree.a.distributor_id, available: expected(3), ledger: expected(3), settled: expected(3), entries: ORDERS * BASKET.length },
    ].sort((x, y) => x.distributor_id.localeCompare(y.distributor_id))
  )
  expect(expected(1)).toBe("743.70")
  // The job ran on the worker only, and the server never ran it.
  const settledOnWorker = worker
    .output()
    .split("\n")
    .map((l) => /distribution: settled (\d+) commission/.exec(l)?.[1])
    .filter(Boolean)
    .reduce((a, n) => a + Number(n), 0)
  expect({ worker: settledOnWorker, server: countInLog(server, "distribution: settled") }).toEqual({ worker: ROWS, server: 0 })
})
