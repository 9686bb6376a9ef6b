import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createAdmin, Headers } from "../helpers/auth"
import { service } from "../helpers/distribution"
import { deliverOrder } from "../helpers/fulfilment"
import { seedShop, Shop } from "../helpers/orders"
import { capturePayment, refund } from "../helpers/payments"
import { andWait, boughtFrom, threeLevelProgramme } from "../helpers/programme"
import reconcileJob, { RECONCILE_OVERLAP_MS } from "../../src/jobs/reconcile-distribution"

jest.setTimeout(300_000)

const DAY = 24 * 60 * 60 * 1000

type Run = {
  id: string
  finished_at: string | null
  window_from: string | null
  window_to: string | null
  watermark: string | null
  heartbeat_at: string | null
  error: string | null
  result: {
    days?: number
    orders_checked: number
    recredited: number
    reversed: number
    marked_eligible: number
    wallet_mismatches: number
    group_refunds?: { groups: number; members: number; refunded: number }
  } | null
}

/**
 * The hourly reconcile on its own, run after run: each sweeps the orders placed
 * or changed since the last successful run (its watermark), so an order placed
 * long ago and canceled, delivered or refunded today is looked at, and the
 * orders nothing happened to are not read again.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let shop: Shop
    let admin: Headers

    beforeAll(async () => {
      const container = getContainer()
      shop = await seedShop(container)
      admin = await createAdmin(container)
    })

    const runs = async (): Promise<Run[]> => (await api.get("/admin/distribution/reconcile", admin)).data.runs
    const at = (iso: string | null) => new Date(iso!).getTime()

    it("repairs the orders placed 40 days ago whose cancel, delivery or refund today lost its event, once, in the next run after its watermark; reads nothing when nothing changed", async () => {
      const container = getContainer()
      const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const { c } = await threeLevelProgramme(api, container, shop, admin)
      const balances = async () => {
        const [b] = await service(container).getBalances(c.distributor_id)
        return { pending: b.pending, available: b.available }
      }
      const commissions = (orderId: string) => service(container).listCommissions({ order_id: orderId })
      /** The commission rows as the credit wrote them: as if the reversal's event never arrived. */
      const loseReversal = (orderId: string) =>
        pg.raw(
          "update distribution_commission set status = 'pending', reversed_amount = 0, raw_reversed_amount = jsonb_build_object('value', '0', 'precision', 20), reversed_at = null where order_id = ?",
          [orderId]
        )

      const canceled = await boughtFrom(api, container, shop, c)
      const delivered = await boughtFrom(api, container, shop, c)
      const refunded = await boughtFrom(api, container, shop, c)
      const refundedAside = await boughtFrom(api, container, shop, c)
      const untouched = await boughtFrom(api, container, shop, c)
      // All five were placed 40 days ago: before the 30 days (reconcile_days) a first run looks at.
      await pg.raw(
        `update "order" set created_at = created_at - interval '40 days', updated_at = updated_at - interval '40 days' where id = any(?)`,
        [[canceled.id, delivered.id, refunded.id, refundedAside.id, untouched.id]]
      )

      // The first run has no watermark: the last 30 days, where no order was placed or changed.
      await reconcileJob(container)
      // The second continues from the first's end: nothing changed since.
      await reconcileJob(container)
      const [second, first] = await runs()
      expect(first).toMatchObject({
        watermark: null,
        error: null,
        result: { days: 30, orders_checked: 0, recredited: 0, reversed: 0, marked_eligible: 0, wallet_mismatches: 0, group_refunds: { groups: 0, members: 0, refunded: 0 } },
      })
      expect(at(first.window_to) - at(first.window_from)).toBe(30 * DAY)
      expect(second).toMatchObject({
        watermark: first.window_to,
        error: null,
        result: { orders_checked: 0, recredited: 0, reversed: 0, marked_eligible: 0, wallet_mismatches: 0 },
      })
      expect(second.result).not.toHaveProperty("days")
      expect(at(second.window_from)).toBe(at(first.window_to) - RECONCILE_OVERLAP_MS)
      expect(at(second.window_to)).toBeGreaterThan(at(first.window_to))

      // Today: one is canceled, one delivered, one refunded 100.00 of 598.70; each event's work is lost.
      await andWait(container, "order.canceled", () => api.post(`/admin/orders/${canceled.id}/cancel`, {}, admin))
      await loseReversal(canceled.id)
      await deliverOrder(api, container, admin, delivered.id)
      await pg.raw("update distribution_commission set eligible_at = null where order_id = ?", [delivered.id])
      await refund(api, container, admin, refunded.id, 100)
      await loseReversal(refunded.id)
      // And one is refunded 100.00 through the payment module alone (as a custom flow may): no event at all,
      // and the order itself is not touched, only the payment's refunds.
      const payment = await capturePayment(api, admin, refundedAside.id)
      await container.resolve(Modules.PAYMENT).refundPayment({ payment_id: payment.id, amount: 100 })
      expect(await balances()).toEqual({ pending: "414.25", available: "0.00" })

      // Two instances reach the next tick at once: one runs it, over the four orders changed since the watermark.
      await Promise.all([reconcileJob(container), reconcileJob(container)])
      const [third, ...before] = await runs()
      expect(before.map((r) => r.id)).toEqual([second.id, first.id])
      expect(third).toMatchObject({
        watermark: second.window_to,
        error: null,
        finished_at: expect.any(String),
        result: { orders_checked: 4, recredited: 0, reversed: 3, marked_eligible: 1, wallet_mismatches: 0 },
      })
      expect(at(third.window_from)).toBe(at(second.window_to) - RECONCILE_OVERLAP_MS)
      expect((await commissions(canceled.id)).map((r) => r.status)).toEqual(Array(9).fill("reversed"))
      expect((await commissions(delivered.id)).every((r) => r.eligible_at !== null)).toBe(true)
      expect((await commissions(untouched.id)).every((r) => r.eligible_at === null && r.status === "pending")).toBe(true)
      // C keeps 82.85 of the delivered order, 69.00 of each refunded one (498.70 / 598.70 of each line,
      // rounded down: 51.96 → 43.28, 7.19 → 5.98, 23.70 → 19.74) and 82.85 of the untouched one.
      expect(await balances()).toEqual({ pending: "303.70", available: "0.00" })

      // The next run looks again only at what changed in its overlap (the same four): nothing is repaired twice.
      await reconcileJob(container)
      const [fourth] = await runs()
      expect(fourth).toMatchObject({
        watermark: third.window_to,
        error: null,
        result: { orders_checked: 4, recredited: 0, reversed: 0, marked_eligible: 0, wallet_mismatches: 0 },
      })
      expect(await balances()).toEqual({ pending: "303.70", available: "0.00" })
    })

    it("skips its tick while another instance's run is alive, and runs in place of one whose instance was killed (silent for 5 minutes)", async () => {
      const container = getContainer()
      const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const before = (await runs()).length
      // An instance started a run 2 hours ago and stamped it a minute ago: it is alive, the tick skips.
      await pg.raw(
        `insert into distribution_job_run (id, job, started_at, heartbeat_at)
         values ('djob_alive', 'reconcile', now() - interval '2 hours', now() - interval '1 minute')`
      )
      await reconcileJob(container)
      let list = await runs()
      expect(list).toHaveLength(before + 1)
      // Nothing else ran: the only unfinished run is the live one.
      expect(list.filter((r) => r.finished_at === null).map((r) => r.id)).toEqual(["djob_alive"])

      // Its instance is killed: no stamp for 6 minutes. The next tick closes it and runs.
      await pg.raw(`update distribution_job_run set heartbeat_at = now() - interval '6 minutes' where id = 'djob_alive'`)
      await reconcileJob(container)
      list = await runs()
      expect(list).toHaveLength(before + 2)
      // Newest first: the run this tick made, then (further down, started 2 hours ago) the dead one.
      const ran = list[0]
      const dead = list.find((r) => r.id === "djob_alive")!
      expect(ran.id).not.toBe("djob_alive")
      expect(dead).toMatchObject({ finished_at: expect.any(String), error: "abandoned: the instance running it stopped" })
      expect(ran).toMatchObject({ finished_at: expect.any(String), error: null, result: expect.objectContaining({ recredited: 0 }) })
      // The running instance stamped its own run when it claimed it.
      expect(at(ran.heartbeat_at)).toBeGreaterThanOrEqual(at(ran.window_to))
    })

    it("counts an order delivered when its fulfillment is, though a server that died mid-delivery left its lines undelivered", async () => {
      const container = getContainer()
      const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const { c } = await threeLevelProgramme(api, container, shop, admin)
      const order = await boughtFrom(api, container, shop, c)
      const commissions = () => service(container).listCommissions({ order_id: order.id })
      await deliverOrder(api, container, admin, order.id)
      expect((await commissions()).every((r) => r.eligible_at !== null)).toBe(true)
      // Medusa's mark-as-delivered records the delivery on the fulfillment, then on the order's lines.
      // The server was killed between the two, before the plugin heard of the delivery.
      await pg.raw(
        `update order_item set delivered_quantity = 0, raw_delivered_quantity = jsonb_build_object('value', '0', 'precision', 20)
          where order_id = ?`,
        [order.id]
      )
      await pg.raw("update distribution_commission set eligible_at = null where order_id = ?", [order.id])
      const { data: seen } = await api.get(`/admin/orders/${order.id}?fields=fulfillment_status,*fulfillments`, admin)
      expect(seen.order.fulfillment_status).toBe("delivered")
      expect(seen.order.fulfillments.map((f: { delivered_at: string | null }) => !!f.delivered_at)).toEqual([true])

      await reconcileJob(container)
      const [run] = await runs()
      expect(run).toMatchObject({ error: null, result: expect.objectContaining({ marked_eligible: 1, recredited: 0, reversed: 0 }) })
      const rows = await commissions()
      expect(rows).toHaveLength(9)
      expect(rows.every((r) => r.eligible_at !== null && r.status === "pending")).toBe(true)
      // Once: the next run finds nothing left to mark.
      await reconcileJob(container)
      const [next] = await runs()
      expect(next.result).toMatchObject({ marked_eligible: 0 })
    })
  },
})
