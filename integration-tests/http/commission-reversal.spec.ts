import { medusaIntegrationTestRunner, TestEventUtils } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createAdmin, Headers } from "../helpers/auth"
import { Distributor, service } from "../helpers/distribution"
import { deliverOrder, receiveReturn, requestReturn, returnItems } from "../helpers/fulfilment"
import { Market, openMarket, seedShop, Shop } from "../helpers/orders"
import { capturePayment, paymentCollections, refund } from "../helpers/payments"
import { andWait, boughtFrom, reversals, threeLevelProgramme } from "../helpers/programme"
import { expectReadsAsQuery } from "../helpers/medusa-tables"
import { reverseOrderCommissionsWorkflow, settleDueCommissionsWorkflow } from "../../src/workflows"

jest.setTimeout(300_000)

const DAY = 24 * 60 * 60 * 1000

type Placed = Awaited<ReturnType<typeof boughtFrom>>

/**
 * The basket's nine commissions (C, B, A on the serum, the rice and the totes:
 * 51.96 / 25.98 / 12.99, 7.19 / 3.59 / 0.89, 23.70 / 14.22 / 9.48) as
 * "<sku> <depth>" → "<reversed> <status>".
 */
const expected = (reversed: { serum: string[]; rice: string[]; tote: string[] }, status = "pending") =>
  Object.fromEntries(
    (
      [
        ["RICE-5", reversed.rice],
        ["SERUM-30", reversed.serum],
        ["TOTE-IVORY", reversed.tote],
      ] as const
    ).flatMap(([sku, amounts]) => amounts.map((a, i) => [`${sku} ${i + 1}`, `${a} ${status}`]))
  )
const NONE = ["0", "0", "0"]

/** The Medusa events the plugin acts on. */
const REPLAYED = [
  "order.placed",
  "order.fulfillment_created",
  "shipment.created",
  "delivery.created",
  "order.return_received",
  "payment.refunded",
  "order.canceled",
]

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let shop: Shop
    let admin: Headers

    beforeAll(async () => {
      shop = await seedShop(getContainer())
      admin = await createAdmin(getContainer())
    })

    const line = (placed: Placed, sku: string) => placed.items.find((i) => i.variant_sku === sku)!
    /** What one unit of a line was charged, tax included, as the admin sees the order. */
    const unitCharged = async (placed: Placed, sku: string) => {
      const { data } = await api.get(`/admin/orders/${placed.id}?fields=*items`, admin)
      const item = data.order.items.find((i: { id: string }) => i.id === line(placed, sku).id)
      return item.total / item.quantity
    }
    const returnOne = (placed: Placed, sku: string) =>
      returnItems(api, getContainer(), admin, placed.id, [{ id: line(placed, sku).id, quantity: 1 }])
    const refundOf = (placed: Placed, amount: number) => refund(api, getContainer(), admin, placed.id, amount)
    /** Delivered and its payment captured, as a shop does before it accepts returns. */
    const deliverPaid = async (placed: Placed) => {
      await deliverOrder(api, getContainer(), admin, placed.id)
      await capturePayment(api, admin, placed.id)
    }
    const settleAll = async (placed: Placed) => {
      await deliverPaid(placed)
      await settleDueCommissionsWorkflow(getContainer()).run({ input: { now: new Date(Date.now() + 8 * DAY) } })
    }
    const balance = async (d: Distributor, currency = "cny") => {
      const b = (await service(getContainer()).getBalances(d.distributor_id)).find((x) => x.currency_code === currency)!
      return { pending: Number(b.pending), available: Number(b.available) }
    }
    const ledger = async (d: Distributor) => {
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const { rows } = await pg.raw(
        `select kind, count(*)::int as n, sum(amount)::text as total from distribution_ledger_entry
          where distributor_id = ? group by kind order by kind`,
        [d.distributor_id]
      )
      return rows
    }
    /** Every cause run again, five at a time: nothing may move. */
    const replayAll = async (placed: Placed, causes: string[]) => {
      const runs = await Promise.all(
        causes.flatMap((cause) =>
          Array.from({ length: 5 }, () =>
            reverseOrderCommissionsWorkflow(getContainer()).run({ input: { order_id: placed.id, cause } })
          )
        )
      )
      return runs.map((r) => r.result)
    }

    it("takes back only a returned unit's share when that unit is refunded, tax included; the kept lines keep everything", async () => {
      const { c } = await threeLevelProgramme(api, getContainer(), shop, admin)
      const placed = await boughtFrom(api, getContainer(), shop, c)
      await deliverPaid(placed)
      const serumUnit = await unitCharged(placed, "SERUM-30")
      expect(serumUnit).toBe(129.9)

      const returnId = await returnOne(placed, "SERUM-30")
      // Half of each serum commission; what the distributor keeps rounds down: 12.99 → keeps 6.49, 6.50 back.
      const halfSerum = expected({ serum: ["25.98", "12.99", "6.5"], rice: NONE, tote: NONE })
      expect(await reversals(getContainer(), placed)).toEqual(halfSerum)

      await refundOf(placed, serumUnit)
      expect(await reversals(getContainer(), placed)).toEqual(halfSerum)
      expect(await balance(c)).toEqual({ pending: 56.87, available: 0 }) // 82.85 − 25.98

      const replays = await replayAll(placed, [`return:${returnId}`, "refund:129.9"])
      expect(replays.every((r) => r.reversed === 0 && r.clawed_back === 0)).toBe(true)
      expect(await reversals(getContainer(), placed)).toEqual(halfSerum)
    })

    it("spreads only the part of a refund no return explains over the kept goods, in proportion to what each was charged", async () => {
      const { c } = await threeLevelProgramme(api, getContainer(), shop, admin)
      const placed = await boughtFrom(api, getContainer(), shop, c)
      await deliverPaid(placed)
      await returnOne(placed, "SERUM-30")
      await refundOf(placed, 229.9)

      // 129.90 is the returned serum's; the other 100 comes off what was kept, charged 468.80
      // (456.80 of goods + 12 shipping): every kept unit keeps 368.80 / 468.80 of its commission.
      expect(await reversals(getContainer(), placed)).toEqual(
        expected({
          serum: ["31.53", "15.77", "7.89"], // 51.96 keeps ½ × 368.8 / 468.8 of itself = 20.438… → 20.43
          rice: ["1.54", "0.77", "0.19"], //    7.19 keeps 5.656… → 5.65
          tote: ["5.06", "3.04", "2.03"], //    23.70 keeps 18.644… → 18.64
        })
      )
      expect(await balance(c)).toEqual({ pending: 44.72, available: 0 }) // 20.43 + 5.65 + 18.64
    })

    it("ends two returns and two refunds in the same rows and the same ledger whatever their order, through the ledger after settlement", async () => {
      const container = getContainer()
      const { a, b, c } = await threeLevelProgramme(api, container, shop, admin)
      const first = await boughtFrom(api, container, shop, c)
      const second = await boughtFrom(api, container, shop, c)
      await settleAll(first)
      await settleAll(second)
      expect(await balance(c)).toEqual({ pending: 0, available: 165.7 }) // 2 × 82.85

      // The first order: each return before the refund it explains.
      await returnOne(first, "SERUM-30")
      await refundOf(first, 129.9)
      await returnOne(first, "TOTE-IVORY")
      await refundOf(first, 79)

      // The second: the refunds come first and are spread over the kept goods until a return explains them.
      await refundOf(second, 129.9)
      expect(await reversals(container, second)).toEqual(
        expected({ serum: ["11.28", "5.64", "2.82"], rice: ["1.57", "0.78", "0.2"], tote: ["5.15", "3.09", "2.06"] }, "settled")
      )
      await returnOne(second, "TOTE-IVORY")
      expect(await reversals(container, second)).toEqual(
        expected({ serum: ["5.09", "2.55", "1.28"], rice: ["0.71", "0.36", "0.09"], tote: ["9.45", "5.67", "3.78"] }, "settled")
      )
      await refundOf(second, 79)
      expect(await reversals(container, second)).toEqual(
        expected({ serum: ["12.99", "6.5", "3.25"], rice: ["1.8", "0.9", "0.23"], tote: ["11.85", "7.11", "4.74"] }, "settled")
      )
      await returnOne(second, "SERUM-30")

      // Both: half of each serum commission and a third of each tote one back; the rice untouched.
      const final = expected({ serum: ["25.98", "12.99", "6.5"], rice: NONE, tote: ["7.9", "4.74", "3.16"] }, "settled")
      expect(await reversals(container, first)).toEqual(final)
      expect(await reversals(container, second)).toEqual(final)

      // Each order took back 33.88 from C, 17.73 from B and 9.66 from A, in entries that sum to exactly that.
      expect(await balance(c)).toEqual({ pending: 0, available: 97.94 }) // 165.70 − 2 × 33.88
      expect(await balance(b)).toEqual({ pending: 0, available: 52.12 }) // 87.58 − 2 × 17.73
      expect(await balance(a)).toEqual({ pending: 0, available: 27.4 }) //  46.72 − 2 × 9.66
      for (const [d, clawedBack, settled] of [
        [c, "-67.76", "165.70"],
        [b, "-35.46", "87.58"],
        [a, "-19.32", "46.72"],
      ] as const) {
        expect(await ledger(d)).toEqual([
          expect.objectContaining({ kind: "commission_clawed_back", total: clawedBack }),
          { kind: "commission_settled", n: 6, total: settled },
        ])
      }
      // The second order's rice commissions went down and came back: a clawback, then the give-back.
      const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const { rows: rice } = await pg.raw(
        `select l.amount::text as amount from distribution_ledger_entry l
           join distribution_commission r on l.reference_id like r.id || ':%'
          where r.order_id = ? and r.line_item_id = ? and r.depth = 1 order by l.created_at, l.id`,
        [second.id, line(second, "RICE-5").id]
      )
      expect(rice.map((r: { amount: string }) => r.amount)).toEqual(["-1.57", "0.86", "-1.09", "1.8"])

      const replays = await replayAll(second, ["refund:129.9", "refund:208.9"])
      expect(replays.every((r) => r.reversed === 0 && r.clawed_back === 0)).toBe(true)
      expect(await reversals(container, second)).toEqual(final)
      expect(await balance(c)).toEqual({ pending: 0, available: 97.94 })
      // The credit's read of Medusa's tables sees both orders' returned units as Query does (three lines each).
      expect(await expectReadsAsQuery(container, [first.id, second.id])).toBe(6)
    })

    it("counts as charged only the payments still standing: a return requested before capture cancels the first collection", async () => {
      const container = getContainer()
      const { c } = await threeLevelProgramme(api, container, shop, admin)
      const placed = await boughtFrom(api, container, shop, c)
      await deliverOrder(api, container, admin, placed.id)
      const serum = [{ id: line(placed, "SERUM-30").id, quantity: 1 }]
      const returnId = await requestReturn(api, container, admin, placed.id, serum)

      // Medusa canceled the authorized 598.70 and asks for 468.80 instead; the buyer pays that.
      const collections = await paymentCollections(api, admin, placed.id)
      expect(collections.map((pc) => [pc.status, pc.amount]).sort()).toEqual([["canceled", 598.7], ["not_paid", 468.8]])
      const live = collections.find((pc) => pc.status === "not_paid")!
      await api.post(`/admin/payment-collections/${live.id}/mark-as-paid`, { order_id: placed.id }, admin)
      await refundOf(placed, 50)

      // 50 of the 468.80 paid comes back, all on goods kept: each commission keeps 418.80 / 468.80 of itself.
      const spread = { rice: ["0.77", "0.39", "0.1"], tote: ["2.53", "1.52", "1.02"] }
      expect(await reversals(container, placed)).toEqual(expected({ serum: ["5.55", "2.78", "1.39"], ...spread }))
      // The serum that comes back was never paid for: it explains none of the refund.
      await receiveReturn(api, container, admin, returnId, serum)
      expect(await reversals(container, placed)).toEqual(expected({ serum: ["28.76", "14.38", "7.19"], ...spread }))
    })

    it("ends in the same rows, statuses and ledger when Medusa delivers each event five more times at once", async () => {
      const container = getContainer()
      const bus = container.resolve(Modules.EVENT_BUS)
      const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
      // The local event bus logs a subscriber's error with this logger and swallows it.
      expect((bus as unknown as { logger_: unknown }).logger_).toBe(logger)
      const { c } = await threeLevelProgramme(api, container, shop, admin)

      // What Medusa emits while a merchant runs two orders: one delivered, settled, partly
      // returned and refunded; one canceled.
      const emitted = jest.spyOn(bus, "emit")
      const kept = await boughtFrom(api, container, shop, c)
      await settleAll(kept)
      await returnOne(kept, "SERUM-30")
      await refundOf(kept, 229.9)
      const canceled = await boughtFrom(api, container, shop, c)
      await andWait(container, "order.canceled", () => api.post(`/admin/orders/${canceled.id}/cancel`, {}, admin))
      const events = emitted.mock.calls
        .flatMap(([e]) => (Array.isArray(e) ? e : [e]))
        .filter((e) => REPLAYED.includes(e.name))
        .map((e) => ({ name: e.name, data: e.data }))
      emitted.mockRestore()
      expect(new Set(events.map((e) => e.name))).toEqual(new Set(REPLAYED))

      const state = async () => {
        const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
        const { rows: ledger } = await pg.raw(
          "select distributor_id, kind, amount::text, reference_id from distribution_ledger_entry order by reference_id, kind"
        )
        const { rows: eligible } = await pg.raw(
          "select id, eligible_at, settled_at, reversed_at from distribution_commission order by id"
        )
        return {
          kept: await reversals(container, kept),
          canceled: await reversals(container, canceled),
          ledger,
          eligible,
          balance: await balance(c),
        }
      }
      const once = await state()
      expect(once.kept).toEqual(
        expected({ serum: ["31.53", "15.77", "7.89"], rice: ["1.54", "0.77", "0.19"], tote: ["5.06", "3.04", "2.03"] }, "settled")
      )
      expect(once.canceled).toEqual(
        expected({ serum: ["51.96", "25.98", "12.99"], rice: ["7.19", "3.59", "0.89"], tote: ["23.7", "14.22", "9.48"] }, "reversed")
      )
      expect(once.balance).toEqual({ pending: 0, available: 44.72 })

      const errors = jest.spyOn(logger, "error")
      const counts = events.reduce((m, e) => m.set(e.name, (m.get(e.name) ?? 0) + 5), new Map<string, number>())
      const handled = [...counts].map(([name, triggerCount]) =>
        TestEventUtils.waitSubscribersExecution(name, bus, { triggerCount, timeout: 240_000 })
      )
      await Promise.all(events.flatMap((e) => Array.from({ length: 5 }, () => bus.emit({ name: e.name, data: e.data }))))
      await Promise.all(handled)
      expect(errors).not.toHaveBeenCalled()
      errors.mockRestore()
      expect(await state()).toEqual(once)
    })

    it("credits, settles and reverses to the cent in HKD and to the yen in JPY", async () => {
      const container = getContainer()
      const { a, b, c } = await threeLevelProgramme(api, container, shop, admin)
      const [hk] = await container.resolve(Modules.REGION).listRegions({ currency_code: "hkd" })
      const markets: Record<string, Market> = {
        hkd: { region_id: hk.id, country_code: "hk" },
        jpy: await openMarket(container, {
          name: "日本",
          currency_code: "jpy",
          country_code: "jp",
          prices: { "SERUM-30": 2999, "RICE-5": 1999, "TOTE-IVORY": 1799 },
          shipping: 800,
        }),
      }
      const credited = async (placed: Placed) =>
        (await service(container).listCommissions({ order_id: placed.id, distributor_id: c.distributor_id })).map((r) => [
          r.currency_code,
          String(r.amount),
        ])

      // HK$148 × 2 serum, 103 rice, 91 × 3 totes, 30 shipping; 50 refunded beyond the returned serum:
      // every kept unit keeps 504 / 554 of its commission, rounded down to the cent.
      const hkd = await boughtFrom(api, container, shop, c, markets.hkd)
      expect((await credited(hkd)).sort()).toEqual([["hkd", "27.3"], ["hkd", "59.2"], ["hkd", "8.24"]])
      await settleAll(hkd)
      await returnOne(hkd, "SERUM-30")
      await refundOf(hkd, 198)
      expect(await reversals(container, hkd)).toEqual(
        expected({ serum: ["32.28", "16.14", "8.07"], rice: ["0.75", "0.38", "0.1"], tote: ["2.47", "1.48", "0.99"] }, "settled")
      )
      expect(await balance(c, "hkd")).toEqual({ pending: 0, available: 59.24 }) // 94.74 − 35.50
      expect(await balance(b, "hkd")).toEqual({ pending: 0, available: 32.1 })
      expect(await balance(a, "hkd")).toEqual({ pending: 0, available: 17.59 })

      // ¥2,999 × 2 serum, 1,999 rice, 1,799 × 3 totes: whole yen, rounded down; the returned serum
      // refunded: each serum commission keeps half of itself rounded down (1,199 → 599), nothing else moves.
      const jpy = await boughtFrom(api, container, shop, c, markets.jpy)
      expect((await credited(jpy)).sort()).toEqual([["jpy", "1199"], ["jpy", "159"], ["jpy", "539"]])
      await settleAll(jpy)
      await returnOne(jpy, "SERUM-30")
      await refundOf(jpy, await unitCharged(jpy, "SERUM-30"))
      expect(await reversals(container, jpy)).toEqual(
        expected({ serum: ["600", "300", "150"], rice: NONE, tote: NONE }, "settled")
      )
      expect(await balance(c, "jpy")).toEqual({ pending: 0, available: 1297 }) // 1,897 − 600
      expect(await balance(b, "jpy")).toEqual({ pending: 0, available: 701 })
      expect(await balance(a, "jpy")).toEqual({ pending: 0, available: 383 })
      expect(await balance(c, "hkd")).toEqual({ pending: 0, available: 59.24 })
    })
  },
})
