import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createAdmin, Headers } from "../helpers/auth"
import { Distributor, makeDistributor, service } from "../helpers/distribution"
import { seedShop, Shop } from "../helpers/orders"
import { capturePayment, refund } from "../helpers/payments"
import { andWait, boughtFrom, threeLevelProgramme } from "../helpers/programme"
import {
  creditOrderCommissionsWorkflow,
  reverseOrderCommissionsWorkflow,
} from "../../src/workflows"
import reconcileJob from "../../src/jobs/reconcile-distribution"

jest.setTimeout(300_000)

type Placed = Awaited<ReturnType<typeof boughtFrom>>

/**
 * Medusa's order edits (Admin → order → Edit: a quantity lowered, a line
 * added; order-edit.confirmed): the order's commissions follow what it holds
 * now, the refund of the difference takes nothing more, and a replay or the
 * reconcile job after a lost event end in the same rows.
 *
 * The basket: serum 129.90 × 2, rice 89.90, totes 79 × 3, shipping 12 (598.70).
 * C's commissions: 51.96 on the serum, 7.19 on the rice, 23.70 on the totes.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let shop: Shop
    let admin: Headers

    beforeAll(async () => {
      shop = await seedShop(getContainer())
      admin = await createAdmin(getContainer())
    })

    const itemsOf = async (orderId: string): Promise<{ id: string; variant_sku: string; quantity: number; total: number }[]> =>
      (await api.get(`/admin/orders/${orderId}?fields=*items`, admin)).data.order.items
    const lineOf = (placed: Placed, sku: string) => placed.items.find((i) => i.variant_sku === sku)!.id

    /** The serum lowered to one unit and a rice added, as an admin edits an order; returns when the plugin has followed. */
    const editOrder = async (placed: Placed) => {
      await api.post("/admin/order-edits", { order_id: placed.id }, admin)
      await api.post(`/admin/order-edits/${placed.id}/items/item/${lineOf(placed, "SERUM-30")}`, { quantity: 1 }, admin)
      await api.post(
        `/admin/order-edits/${placed.id}/items`,
        { items: [{ variant_id: shop.variants.get("RICE-5")!, quantity: 1 }] },
        admin
      )
      await api.post(`/admin/order-edits/${placed.id}/request`, {}, admin)
      await andWait(getContainer(), "order-edit.confirmed", () => api.post(`/admin/order-edits/${placed.id}/confirm`, {}, admin))
      const items = await itemsOf(placed.id)
      const added = items.find((i) => i.variant_sku === "RICE-5" && i.id !== lineOf(placed, "RICE-5"))!
      return { items, added }
    }

    /** The order's commission rows as "<line> <depth>" → "<amount> −<reversed> <status>", the added rice line as "RICE-5+". */
    const rowsOf = async (placed: Placed, addedLineId?: string) => {
      const sku = new Map(placed.items.map((i) => [i.id, i.variant_sku]))
      if (addedLineId) sku.set(addedLineId, "RICE-5+")
      const { rows } = await getContainer()
        .resolve(ContainerRegistrationKeys.PG_CONNECTION)
        .raw(
          `select line_item_id, depth, amount::text as amount, reversed_amount::text as reversed, status, quantity
             from distribution_commission where order_id = ? and deleted_at is null`,
          [placed.id]
        )
      return Object.fromEntries(
        (rows as { line_item_id: string; depth: number; amount: string; reversed: string; status: string; quantity: number }[])
          .map((r) => [`${sku.get(r.line_item_id) ?? r.line_item_id} ${r.depth}`, `${r.amount} −${r.reversed} ${r.status} ×${r.quantity}`] as const)
          .sort(([a], [b]) => a.localeCompare(b))
      )
    }
    const pendingOf = async (d: Distributor) => (await service(getContainer()).getBalances(d.distributor_id))[0].pending

    /** Lowered serum: half of each serum commission back; the added rice line credited C, B, A at the rice's rates. */
    const EDITED = {
      "RICE-5 1": "7.19 −0 pending ×1",
      "RICE-5 2": "3.59 −0 pending ×1",
      "RICE-5 3": "0.89 −0 pending ×1",
      "RICE-5+ 1": "7.19 −0 pending ×1",
      "RICE-5+ 2": "3.59 −0 pending ×1",
      "RICE-5+ 3": "0.89 −0 pending ×1",
      "SERUM-30 1": "51.96 −25.98 pending ×2",
      "SERUM-30 2": "25.98 −12.99 pending ×2",
      "SERUM-30 3": "12.99 −6.5 pending ×2",
      "TOTE-IVORY 1": "23.7 −0 pending ×3",
      "TOTE-IVORY 2": "14.22 −0 pending ×3",
      "TOTE-IVORY 3": "9.48 −0 pending ×3",
    }

    it("follows an edit: the removed serum's share back, the added line credited to the order's upline, the refund of the difference takes nothing more, replays change nothing", async () => {
      const container = getContainer()
      const { a, b, c } = await threeLevelProgramme(api, container, shop, admin)
      const placed = await boughtFrom(api, container, shop, c)
      expect(await pendingOf(c)).toBe("82.85")
      // Paid in full at once, as a mall's checkout takes it.
      await capturePayment(api, admin, placed.id)

      const { items, added } = await editOrder(placed)
      expect(items.find((i) => i.id === lineOf(placed, "SERUM-30"))!.quantity).toBe(1)
      expect(await rowsOf(placed, added.id)).toEqual(EDITED)
      // C: 82.85 − 25.98 + 7.19; B: 43.79 − 12.99 + 3.59; A: 23.36 − 6.50 + 0.89.
      expect(await pendingOf(c)).toBe("64.06")
      expect(await pendingOf(b)).toBe("34.39")
      expect(await pendingOf(a)).toBe("17.75")

      // The buyer paid 598.70 for what now costs 558.70: the shop refunds the 40.00. The refund is
      // what the removed unit's 129.90 less the added rice's 89.90 left over, not money off the kept goods.
      await refund(api, container, admin, placed.id, 40)
      expect(await rowsOf(placed, added.id)).toEqual(EDITED)
      expect(await pendingOf(c)).toBe("64.06")

      // The edit's event delivered again, order.placed replayed (the whole order credited as it is now),
      // the refund's reversal again: the same rows.
      for (let i = 0; i < 2; i++) {
        const [edit, placedAgain, reversal] = await Promise.all([
          creditOrderCommissionsWorkflow(container).run({ input: { order_id: placed.id, new_lines_only: true } }),
          creditOrderCommissionsWorkflow(container).run({ input: { order_id: placed.id } }),
          reverseOrderCommissionsWorkflow(container).run({ input: { order_id: placed.id, cause: "refund" } }),
        ])
        expect([edit.result.created, placedAgain.result.created, reversal.result.reversed]).toEqual([0, 0, 0])
      }
      expect(await rowsOf(placed, added.id)).toEqual(EDITED)
      expect(await pendingOf(c)).toBe("64.06")
    })

    it("credits an added line to the upline the order was credited with, not to the buyer's upline since", async () => {
      const container = getContainer()
      const { c } = await threeLevelProgramme(api, container, shop, admin)
      const placed = await boughtFrom(api, container, shop, c)
      // After the order, the admin moves C under a new distributor D, who has no upline: the
      // buyer's upline is C → D now, where the order was credited to C → B → A.
      const d = await makeDistributor(api, { pk: shop.pk, admin }, { name: "D" })
      await api.post(`/admin/distribution/distributors/${c.distributor_id}/move`, { parent_id: d.distributor_id }, admin)
      const { added } = await editOrder(placed)
      const rows = await rowsOf(placed, added.id)
      // C earns on the added line as before; D is not paid a depth-2 row beside B's on the same order.
      expect(rows["RICE-5+ 1"]).toBe("7.19 −0 pending ×1")
      expect(Object.keys(rows).filter((k) => k.startsWith("RICE-5+ "))).toEqual(["RICE-5+ 1"])
      expect(await service(container).listCommissions({ distributor_id: d.distributor_id })).toEqual([])
      const { rows: count } = await container
        .resolve(ContainerRegistrationKeys.PG_CONNECTION)
        .raw("select count(*)::int as n from distribution_commission where order_id = ?", [placed.id])
      expect(count[0].n).toBe(10)
    })

    it("repairs an edit whose event was lost in the reconcile job's next run, once", async () => {
      const container = getContainer()
      const { c } = await threeLevelProgramme(api, container, shop, admin)
      const placed = await boughtFrom(api, container, shop, c)
      // The reconcile's first run (the last 30 days) sets its watermark; nothing is due yet.
      await reconcileJob(container)

      // The edit is confirmed, and what the plugin did on its event is undone: as if the event was lost.
      const { added } = await editOrder(placed)
      const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await pg.raw("delete from distribution_commission where order_id = ? and line_item_id = ?", [placed.id, added.id])
      await pg.raw(
        `update distribution_commission set status = 'pending', reversed_amount = 0,
                raw_reversed_amount = jsonb_build_object('value', '0', 'precision', 20), reversed_at = null
          where order_id = ?`,
        [placed.id]
      )
      expect(await pendingOf(c)).toBe("82.85")

      await reconcileJob(container)
      const { data } = await api.get("/admin/distribution/reconcile", admin)
      expect(data.runs[0]).toMatchObject({ error: null, result: { recredited: 1, reversed: 1 } })
      expect(await rowsOf(placed, added.id)).toEqual(EDITED)
      expect(await pendingOf(c)).toBe("64.06")

      await reconcileJob(container)
      const { data: again } = await api.get("/admin/distribution/reconcile", admin)
      expect(again.runs[0]).toMatchObject({ error: null, result: { recredited: 0, reversed: 0 } })
      expect(await rowsOf(placed, added.id)).toEqual(EDITED)
    })
  },
})
