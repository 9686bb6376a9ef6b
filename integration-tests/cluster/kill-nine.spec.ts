/**
 * `npm test -- cluster kill-nine`: crashes, for real. This repository built and
 * started as one `shared` instance (routes, subscribers, jobs) on Medusa's
 * Redis modules; four buyers bound to a three-level line order continuously
 * while an admin cancels every fifth order and delivers another fifth (fulfil,
 * ship, mark delivered: the settle-on state, freeze 0) through the admin API.
 * Meanwhile the instance's whole process group is killed with SIGKILL, several
 * times, and started again each time. Nobody repairs anything by hand: with
 * the settlement job every 5 s and the reconcile job every 10 s, the test only
 * waits (bounded) for the database to show
 *
 *   0 missing      every order not canceled has its 6 commissions (2 lines × 3 levels), to the cent
 *   0 duplicate    no order, line and level paid twice
 *   0 unreversed   every commission of a canceled order reversed in full
 *   0 unsettled    every commission of a delivered order settled; nothing due left pending
 *   0 early        nothing of an order not delivered settled
 *   ledger=wallet  every wallet equal to its ledger and to its settled commissions, one entry each
 *
 * Orders whose checkout the crash cut off count like any other: the truth is
 * the database's, not what the buyers were told.
 */
import { AxiosError, AxiosInstance } from "axios"
import { Headers, registerCustomer, StoreCustomer } from "../helpers/auth"
import { Distributor, uniqueEmail } from "../helpers/distribution"
import { placeOrder } from "../helpers/orders"
import { MedusaServer } from "../helpers/processes"
import {
  api,
  BASKET,
  Cluster,
  commissions,
  EXPECTED_LINE_AMOUNTS,
  KEEP,
  loginAdmin,
  log,
  PER_ORDER_BY_DEPTH,
  prepareCluster,
  setUpProgramme,
  stockLocationId,
  sumCents,
  until,
  wallets,
} from "./cluster"

const BUYERS = 4
const KILLS = 3
/**
 * Orders placed between a restart and the next kill (and after the last
 * restart): the kills follow the orders rather than the clock, since a
 * checkout takes 5 to 15 s here depending on the machine's load. Each kill
 * comes a random 0–3 s after that many orders, when the other buyers are in
 * the middle of theirs.
 */
const ORDERS_BETWEEN_KILLS = 3
/** The longest the orders may take to flow again after a restart. */
const FLOW_WITHIN_MS = 120_000
/** How long the jobs get to bring everything right after the last order (bounded, then it fails). */
const SETTLE_WITHIN_MS = 180_000
/** How long a reconcile run may stay silent before the next tick closes it (DISTRIBUTION_JOB_STALE_AFTER). */
const STALE_AFTER_S = 20

let cluster: Cluster
let app: MedusaServer
let client: AxiosInstance
let admin: Headers
let tree: { a: Distributor; b: Distributor; c: Distributor; buyers: StoreCustomer[] }
let location: string
let failed = false
const started = Date.now()

beforeAll(async () => {
  cluster = await prepareCluster("kill_nine")
  app = cluster.instance("app", "shared", {
    DISTRIBUTION_SETTLE_SCHEDULE: "*/5 * * * * *",
    DISTRIBUTION_RECONCILE_SCHEDULE: "*/10 * * * * *",
    // A reconcile run a kill cut off is taken for dead after 20 silent seconds (heartbeat every 2 s).
    DISTRIBUTION_JOB_STALE_AFTER: String(STALE_AFTER_S),
  })
  const boot = Date.now()
  await app.start()
  log(`the instance answered /health after ${((Date.now() - boot) / 1000).toFixed(0)} s (logs in ${cluster.work})`)
  client = api(app, 30_000)
  admin = await loginAdmin(client, cluster.template.seeded)
  tree = await setUpProgramme(client, cluster.shop, admin, { settle_on: "delivered", freeze_days: 0 }, BUYERS)
  location = await stockLocationId(client, admin)
})

afterAll(async () => {
  await cluster?.teardown({ keep: failed || KEEP })
  log(`kill-nine: ${((Date.now() - started) / 1000).toFixed(0)} s in all`)
})

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** The instance is down or went down mid-call: no answer (refused, reset, hung up). */
const outage = (e: unknown) => !(e as AxiosError).response
/** An error's status and body, or its network code. */
const explain = (e: unknown) => {
  const error = e as AxiosError
  return error.response ? `${error.response.status} ${JSON.stringify(error.response.data)}` : `${error.code ?? ""} ${error.message}`
}

/** Waits until the instance is running and answers. */
async function up() {
  for (;;) {
    if (app.running) {
      const ok = await fetch(`${app.baseUrl}/health`).then(
        (r) => r.ok,
        () => false
      )
      if (ok) return
    }
    await sleep(250)
  }
}

type Action = { id: string; kind: "cancel" | "deliver" }

/** Cancels an order, or fulfils, ships and delivers it; each step read back first, so that it can be retried after a crash. */
async function perform({ id, kind }: Action) {
  const read = async () =>
    (await client.get(`/admin/orders/${id}?fields=id,status,*items,*fulfillments`, admin)).data.order as {
      status: string
      items: { id: string; quantity: number }[]
      fulfillments: { id: string; shipped_at: string | null; delivered_at: string | null; canceled_at: string | null }[]
    }
  let order = await read()
  if (kind === "cancel") {
    if (order.status !== "canceled") await client.post(`/admin/orders/${id}/cancel`, {}, admin)
    return
  }
  const items = order.items.map((i) => ({ id: i.id, quantity: i.quantity }))
  let fulfillment = order.fulfillments.find((f) => !f.canceled_at)
  if (!fulfillment) {
    await client.post(`/admin/orders/${id}/fulfillments`, { items, location_id: location }, admin)
    order = await read()
    fulfillment = order.fulfillments.find((f) => !f.canceled_at)!
  }
  if (!fulfillment.shipped_at) {
    await client.post(`/admin/orders/${id}/fulfillments/${fulfillment.id}/shipments`, { items }, admin)
  }
  if (!fulfillment.delivered_at) {
    await client.post(`/admin/orders/${id}/fulfillments/${fulfillment.id}/mark-as-delivered`, {}, admin)
  }
}

/** What the database shows, against what it must: the problems found, or null when there are none. */
async function problems(): Promise<{ summary: Record<string, number>; examples: string[] } | null> {
  const orders = await cluster.query<{ id: string; status: string; delivered: boolean }>(
    `select o.id, o.status,
            exists (select 1 from order_fulfillment of join fulfillment f on f.id = of.fulfillment_id
                     where of.order_id = o.id and of.deleted_at is null and f.delivered_at is not null and f.canceled_at is null) as delivered
       from "order" o where o.deleted_at is null`
  )
  const rows = await commissions(cluster)
  const byOrder = new Map<string, typeof rows>()
  for (const r of rows) byOrder.set(r.order_id, [...(byOrder.get(r.order_id) ?? []), r])
  const earner = [tree.c.distributor_id, tree.b.distributor_id, tree.a.distributor_id]
  const summary = { missing: 0, duplicate: 0, wrong_amount: 0, unreversed: 0, unsettled_delivered: 0, unsettled_due: 0, settled_early: 0, wallet_mismatch: 0, ledger_entries_off: 0 }
  const examples: string[] = []
  const note = (kind: keyof typeof summary, text: string) => {
    summary[kind]++
    if (examples.length < 12) examples.push(`${kind}: ${text}`)
  }
  for (const order of orders) {
    const own = byOrder.get(order.id) ?? []
    const keys = new Set(own.map((r) => `${r.line_item_id} ${r.depth}`))
    if (keys.size !== own.length) note("duplicate", `${order.id} has ${own.length} rows for ${keys.size} lines × levels`)
    if (order.status === "canceled") {
      for (const r of own) {
        if (r.status !== "reversed" || r.reversed_amount !== r.amount) note("unreversed", `${order.id} ${r.sku} level ${r.depth}: ${r.status}, reversed ${r.reversed_amount} of ${r.amount}`)
      }
      continue
    }
    if (keys.size < BASKET.length * 3) note("missing", `${order.id} (${order.status}${order.delivered ? ", delivered" : ""}) has ${keys.size} of ${BASKET.length * 3} commissions`)
    for (const r of own) {
      if (r.amount !== EXPECTED_LINE_AMOUNTS[`${r.sku} ${r.depth}`] || r.distributor_id !== earner[r.depth - 1]) {
        note("wrong_amount", `${order.id} ${r.sku} level ${r.depth}: ${r.amount} to ${r.distributor_id}`)
      }
      if (order.delivered && r.status !== "settled") note("unsettled_delivered", `${order.id} ${r.sku} level ${r.depth}: ${r.status}, eligible ${r.eligible_at}`)
      if (!order.delivered && r.status === "settled") note("settled_early", `${order.id} ${r.sku} level ${r.depth}`)
    }
  }
  const due = rows.filter((r) => r.status === "pending" && r.eligible_at && new Date(r.eligible_at).getTime() <= Date.now())
  for (const r of due) note("unsettled_due", `${r.order_id} ${r.sku} level ${r.depth} due since ${new Date(r.eligible_at!).toISOString()}`)
  const settledRows = rows.filter((r) => r.status === "settled")
  for (const w of await wallets(cluster)) {
    if (w.available !== w.ledger || w.ledger !== w.settled) note("wallet_mismatch", `${w.distributor_id}: wallet ${w.available}, ledger ${w.ledger}, settled ${w.settled}`)
    const settledCount = settledRows.filter((r) => r.distributor_id === w.distributor_id).length
    if (w.entries !== settledCount) note("ledger_entries_off", `${w.distributor_id}: ${w.entries} ledger entries for ${settledCount} settled commissions`)
  }
  return Object.values(summary).some((n) => n > 0) ? { summary, examples } : null
}

test("kill -9 of the instance, several times while orders, cancels and deliveries flow: the jobs alone end with 0 missing, 0 duplicate, 0 unreversed, 0 unsettled, ledger = wallet", async () => {
  try {
    const placed: string[] = []
    const actions: Action[] = []
    const interrupted = { checkouts: 0, admin: 0 }
    const errors: string[] = []
    let ordering = true
    /**
     * Medusa's own workflows are not crash-safe: a kill between two of a
     * workflow's steps can leave the order or the customer in a state Medusa
     * then refuses to go on from (an account holder without its link to the
     * customer, a cancel's credit line left open, a fulfilment whose items
     * were never marked fulfilled). A call refused (any HTTP error) after a
     * crash cut the same checkout or action off is such a leftover: the buyer
     * comes back as a new customer, the merchant leaves the order as it is;
     * both are listed. A refusal without a crash before it is a failure.
     */
    const leftovers: string[] = []
    const newBuyer = async (): Promise<StoreCustomer> => {
      for (;;) {
        try {
          const customer = await registerCustomer(client, cluster.shop.pk, { email: uniqueEmail("buyer") })
          await client.post("/store/distribution/bind", { referral_code: tree.c.code }, customer)
          return customer
        } catch (e) {
          if (!outage(e)) {
            errors.push(`a new buyer: ${explain(e)}`)
            await sleep(1000)
          }
          await up()
        }
      }
    }

    const buyer = async (customer: StoreCustomer) => {
      let cutOff = false
      while (ordering) {
        try {
          const order = await placeOrder(client, cluster.shop, customer, BASKET)
          cutOff = false
          const n = placed.push(order.id)
          if (n % 5 === 1) actions.push({ id: order.id, kind: "cancel" })
          if (n % 5 === 2) actions.push({ id: order.id, kind: "deliver" })
        } catch (e) {
          if (outage(e)) {
            interrupted.checkouts++
            cutOff = true
            await up()
            await sleep(200)
          } else if (cutOff) {
            leftovers.push(`checkout of ${customer.email}: ${explain(e)}`)
            customer = await newBuyer()
            cutOff = false
          } else {
            errors.push(`checkout: ${explain(e)}`)
            await sleep(1000)
          }
        }
      }
    }
    const done: Action[] = []
    const merchant = async () => {
      while (ordering || actions.length) {
        const action = actions.shift()
        if (!action) {
          await sleep(200)
          continue
        }
        // A crash may cut any step off: read the order again and carry on.
        let cutOff = false
        for (let refusals = 0; ; ) {
          try {
            await perform(action)
            done.push(action)
            break
          } catch (e) {
            if (outage(e)) {
              interrupted.admin++
              cutOff = true
              await up()
              await sleep(500)
            } else if (cutOff) {
              leftovers.push(`${action.kind} ${action.id}: ${explain(e)}`)
              break
            } else if (++refusals >= 3) {
              errors.push(`${action.kind} ${action.id}: ${explain(e)}`)
              break
            } else {
              await sleep(1000)
            }
          }
        }
      }
    }

    const flowing = [...tree.buyers.map((b) => buyer(b)), merchant()]
    const kills: { at_order: number; restart_s: number }[] = []
    const flow = async (what: string) => {
      const from = placed.length
      await until(what, FLOW_WITHIN_MS, async () =>
        placed.length >= from + ORDERS_BETWEEN_KILLS ? null : `${placed.length - from} order(s) placed (errors: ${JSON.stringify(errors)})`
      , 250)
    }
    for (let k = 0; k < KILLS; k++) {
      await flow(k === 0 ? "the first orders" : `orders after restart #${k}`)
      await sleep(Math.random() * 3000)
      await app.kill()
      const down = Date.now()
      await app.start()
      kills.push({ at_order: placed.length, restart_s: Math.round((Date.now() - down) / 1000) })
      log(`kill -9 #${k + 1} after ${placed.length} orders; back after ${kills[k].restart_s} s`)
    }
    await flow(`orders after restart #${KILLS}`)
    ordering = false
    await Promise.all(flowing)
    const lastOrder = Date.now()
    log(
      `${placed.length} orders placed (${interrupted.checkouts} checkouts cut off), ${done.filter((a) => a.kind === "cancel").length} canceled, ` +
        `${done.filter((a) => a.kind === "deliver").length} delivered (${interrupted.admin} admin calls cut off); waiting for the jobs`
    )
    if (leftovers.length) log(`Medusa refused ${leftovers.length} call(s) after a crash cut them off: ${leftovers.join("; ")}`)
    expect(errors).toEqual([])

    let last: Awaited<ReturnType<typeof problems>> = null
    await until("the jobs repair everything", SETTLE_WITHIN_MS, async () => {
      last = await problems()
      return last && JSON.stringify(last)
    }, 2000).catch(async (e) => {
      // A run the kill cut off stays open until a tick finds it silent for STALE_AFTER_S.
      const open = await cluster.query("select job, started_at from distribution_job_run where finished_at is null")
      const runs = await cluster.query("select job, started_at, finished_at, error from distribution_job_run order by started_at desc limit 5")
      // Also in the suite's own log lines, which end the output where a long failure report may be cut.
      log(`not repaired: ${JSON.stringify(last)}; unfinished runs ${JSON.stringify(open)}`)
      throw new Error(`${e.message}\nunfinished job runs: ${JSON.stringify(open)}\nlatest job runs: ${JSON.stringify(runs)}`)
    })
    const [repairs] = await cluster.query<{ runs: number; open: number; recredited: number; reversed: number; marked: number }>(
      `select count(*) filter (where finished_at is not null)::int as runs, count(*) filter (where finished_at is null)::int as open,
              coalesce(sum((result->>'recredited')::int), 0)::int as recredited,
              coalesce(sum((result->>'reversed')::int), 0)::int as reversed, coalesce(sum((result->>'marked_eligible')::int), 0)::int as marked
         from distribution_job_run`
    )
    log(
      `consistent ${((Date.now() - lastOrder) / 1000).toFixed(0)} s after the last order; ${repairs.runs} reconcile runs (${repairs.open} running) ` +
        `repaired ${repairs.recredited} credit(s), ${repairs.reversed} reversal(s), ${repairs.marked} due date(s)`
    )
    // A run a kill cut off does not hold the job: once silent for STALE_AFTER_S, the next tick
    // (every 10 s) closes it as abandoned and runs. Whatever is open in the end is alive.
    await until("every run a kill cut off is closed", 60_000, async () => {
      const [{ dead }] = await cluster.query<{ dead: number }>(
        `select count(*)::int as dead from distribution_job_run
          where finished_at is null and coalesce(heartbeat_at, started_at) < now() - interval '${STALE_AFTER_S + 15} seconds'`
      )
      return dead === 0 ? null : `${dead} unfinished run(s) silent for over ${STALE_AFTER_S + 15} s`
    }, 2000)
    const [{ abandoned }] = await cluster.query<{ abandoned: number }>(
      `select count(*)::int as abandoned from distribution_job_run where error like 'abandoned%'`
    )
    log(`${abandoned} reconcile run(s) cut off by a kill, closed by a later tick`)

    // What the merchant and the distributors see, to the cent.
    const orders = await cluster.query<{ id: string; status: string; delivered: boolean }>(
      `select o.id, o.status, exists (select 1 from order_fulfillment of join fulfillment f on f.id = of.fulfillment_id
                                      where of.order_id = o.id and f.delivered_at is not null) as delivered
         from "order" o where o.deleted_at is null`
    )
    const canceled = orders.filter((o) => o.status === "canceled").map((o) => o.id)
    const delivered = orders.filter((o) => o.delivered && o.status !== "canceled").map((o) => o.id)
    // What the merchant did is what the database shows (an order Medusa refused to go on with after a crash may be either).
    expect(done.filter((a) => a.kind === "cancel" && !canceled.includes(a.id))).toEqual([])
    expect(done.filter((a) => a.kind === "deliver" && !delivered.includes(a.id))).toEqual([])
    expect(canceled.length).toBeGreaterThan(0)
    expect(delivered.length).toBeGreaterThan(0)
    // Every order the buyers were told about exists (and perhaps some they were not).
    expect(placed.filter((id) => !orders.some((o) => o.id === id))).toEqual([])
    const rows = await commissions(cluster)
    expect(rows.filter((r) => !canceled.includes(r.order_id))).toHaveLength((orders.length - canceled.length) * BASKET.length * 3)
    const expectedWallet = (depth: number) => sumCents(Array(delivered.length).fill(PER_ORDER_BY_DEPTH[depth - 1]))
    const byDistributor = Object.fromEntries((await wallets(cluster)).map((w) => [w.distributor_id, w.available]))
    expect(byDistributor).toEqual({
      [tree.c.distributor_id]: expectedWallet(1),
      [tree.b.distributor_id]: expectedWallet(2),
      [tree.a.distributor_id]: expectedWallet(3),
    })
    expect(await problems()).toBeNull()
  } catch (e) {
    failed = true
    throw e
  }
})
