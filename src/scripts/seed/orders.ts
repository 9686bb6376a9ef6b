import { CustomerDTO, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  addShippingMethodToCartWorkflow,
  beginReceiveReturnWorkflow,
  beginReturnOrderWorkflow,
  cancelOrderWorkflow,
  capturePaymentWorkflow,
  completeCartWorkflow,
  confirmReturnReceiveWorkflow,
  confirmReturnRequestWorkflow,
  createCartWorkflow,
  createOrderFulfillmentWorkflow,
  createOrderShipmentWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
  markOrderFulfillmentAsDeliveredWorkflow,
  receiveItemReturnRequestWorkflow,
  refundPaymentWorkflow,
  requestItemReturnWorkflow,
} from "@medusajs/medusa/core-flows"
import { DISTRIBUTION_MODULE } from "../../modules/distribution/constants"
import DistributionModuleService from "../../modules/distribution/service"
import { DistributorDTO } from "../../modules/distribution/types"
import {
  creditOrderCommissionsWorkflow,
  markCommissionsEligibleWorkflow,
  reverseOrderCommissionsWorkflow,
  settleDueCommissionsWorkflow,
} from "../../workflows"
import { DEMO_ORDERS, DemoGuest, DemoOrder, LIFECYCLE, STEPS } from "./orders-data"
import { REGIONS, SHIPPING_OPTIONS, STOCK_LOCATION_NAME } from "./store"

/**
 * The demo's orders (some with a distributor's coupon applied to the cart),
 * placed and then fulfilled, shipped, delivered, canceled,
 * returned or refunded through Medusa's own workflows, with the plugin's
 * workflows run for each step exactly as its subscribers run them (the same
 * workflows and inputs, idempotent by the commissions' and the ledger's unique
 * keys). The script cannot count on the subscribers: `medusa exec` exits as soon
 * as it returns, and the freeze periods and settlements must be dated in the
 * past. So each step that starts a freeze period passes the moment the order
 * reached it (`at`), and the settlement job's daily runs are replayed with the
 * `now` they would have had, so a return after settlement is a clawback.
 *
 * An order finished by an earlier run carries `demo_seeded` in its metadata and
 * is left alone; one an interrupted run left half-way is completed step by step.
 */
const DAY = 24 * 3600 * 1000

type OrderState = {
  id: string
  status: string
  metadata: Record<string, unknown> | null
  items: { id: string; variant_sku: string; quantity: number }[]
  fulfillments: { id: string; shipped_at: string | null; delivered_at: string | null; canceled_at: string | null }[]
  returns: { id: string; status: string }[]
  payment_collections: { payments: { id: string; captured_at: string | null; refunds: { id: string }[] }[] }[]
}

const ORDER_FIELDS = [
  "id",
  "status",
  // Item quantities come back only when the order's totals are asked for.
  "total",
  "metadata",
  "items.id",
  "items.variant_sku",
  "items.quantity",
  "fulfillments.id",
  "fulfillments.shipped_at",
  "fulfillments.delivered_at",
  "fulfillments.canceled_at",
  "returns.id",
  "returns.status",
  "payment_collections.payments.id",
  "payment_collections.payments.captured_at",
  "payment_collections.payments.refunds.id",
]

/** The shop's pieces an order needs, looked up once. */
async function orderContext(container: MedusaContainer, salesChannelId: string) {
  const regions = await container
    .resolve(Modules.REGION)
    .listRegions({ name: { $in: REGIONS.map((r) => r.name) } })
  const [location] = await container
    .resolve(Modules.STOCK_LOCATION)
    .listStockLocations({ name: STOCK_LOCATION_NAME })
  const [option] = await container
    .resolve(Modules.FULFILLMENT)
    .listShippingOptions({ name: SHIPPING_OPTIONS[0].name })
  const variants = await container
    .resolve(Modules.PRODUCT)
    .listProductVariants({}, { select: ["id", "sku"], take: null })
  return {
    sales_channel_id: salesChannelId,
    region_by_currency: new Map(regions.map((r) => [r.currency_code, r.id])),
    location_id: location.id,
    shipping_option_id: option.id,
    variant_by_sku: new Map(variants.map((v) => [v.sku!, v.id])),
  }
}

type OrderContext = Awaited<ReturnType<typeof orderContext>>

const ADDRESSES = {
  cny: { address_1: "西湖区文三路 100 号", city: "杭州", province: "浙江", country_code: "cn", postal_code: "310000" },
  hkd: { address_1: "九龍彌敦道 132 號", city: "香港", province: "九龍", country_code: "hk", postal_code: "999077" },
}

/** Cart, shipping method, payment session, complete: the storefront's checkout. */
async function placeOrder(
  container: MedusaContainer,
  ctx: OrderContext,
  order: DemoOrder,
  buyer: DemoGuest & { customer_id?: string },
  referralCode: string | null,
  couponCode: string | null
) {
  const { result: cart } = await createCartWorkflow(container).run({
    input: {
      region_id: ctx.region_by_currency.get(order.currency)!,
      sales_channel_id: ctx.sales_channel_id,
      email: buyer.email,
      customer_id: buyer.customer_id,
      items: order.lines.map(([sku, quantity]) => ({ variant_id: ctx.variant_by_sku.get(sku)!, quantity })),
      shipping_address: {
        first_name: buyer.first_name,
        last_name: buyer.last_name,
        phone: "13800000000",
        ...ADDRESSES[order.currency],
      },
      metadata: { demo_order: order.key, ...(referralCode && { referral_code: referralCode }) },
      ...(couponCode && { promo_codes: [couponCode] }),
    },
  })
  await addShippingMethodToCartWorkflow(container).run({
    input: { cart_id: cart.id, options: [{ id: ctx.shipping_option_id }] },
  })
  const { result: collection } = await createPaymentCollectionForCartWorkflow(container).run({
    input: { cart_id: cart.id },
  })
  await createPaymentSessionsWorkflow(container).run({
    input: { payment_collection_id: collection.id, provider_id: "pp_system_default" },
  })
  const { result } = await completeCartWorkflow(container).run({ input: { id: cart.id } })
  return result.id
}

async function loadOrder(container: MedusaContainer, id: string): Promise<OrderState> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id } })
  return data[0] as unknown as OrderState
}

/**
 * The settlement job as it would have run: once a day, at the hour of the
 * seed's first run, each run settling what was due by then.
 */
function settlementClock(container: MedusaContainer, anchor: Date, first: Date) {
  let next = new Date(anchor.getTime() - Math.ceil((anchor.getTime() - first.getTime()) / DAY) * DAY)
  return {
    /** The next run still to replay. */
    next: () => next,
    /** Replays the runs due by `until` (never past the anchor). */
    until: async (until: Date) => {
      while (next.getTime() <= until.getTime() && next.getTime() <= anchor.getTime()) {
        await settleDueCommissionsWorkflow(container).run({ input: { now: next } })
        next = new Date(next.getTime() + DAY)
      }
    },
  }
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>) {
  let i = 0
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (i < items.length) {
        await work(items[i++])
      }
    })
  )
}

type Step = "placed" | "fulfilled" | "shipped" | "delivered" | "canceled" | "returned" | "refunded" | "seeded"

/** Every step of the orders still to seed, in the order they happened. */
function timeline(orders: DemoOrder[], at: (o: DemoOrder, days: number) => Date) {
  const events = orders.flatMap((o) => {
    const steps: { order: DemoOrder; step: Step; at: Date }[] = [
      { order: o, step: "placed", at: at(o, 0) },
      ...STEPS[o.fate].map((step) => ({ order: o, step, at: at(o, LIFECYCLE[step]) })),
      ...(o.returned ? [{ order: o, step: "returned" as const, at: at(o, o.returned.after) }] : []),
      ...(o.refund ? [{ order: o, step: "refunded" as const, at: at(o, o.refund.after) }] : []),
    ]
    // Marked done right after its last step.
    const last = steps[steps.length - 1].at
    return [...steps, { order: o, step: "seeded" as const, at: new Date(last.getTime() + 1) }]
  })
  return events.sort((a, b) => a.at.getTime() - b.at.getTime())
}

export async function seedOrders(
  container: MedusaContainer,
  input: {
    sales_channel_id: string
    /** When the programme was first seeded: the orders' dates count back from it. */
    anchor: Date
    customerByEmail: Map<string, CustomerDTO>
    distributorByEmail: Map<string, DistributorDTO>
  }
) {
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows: existing } = await pg.raw(
    `SELECT id, metadata->>'demo_order' AS key, (metadata->>'demo_seeded') IS NOT NULL AS done
       FROM "order" WHERE metadata ? 'demo_order' AND deleted_at IS NULL`
  )
  const orderIdByKey = new Map<string, string>(existing.map((r: { key: string; id: string }) => [r.key, r.id]))
  const done = new Set(existing.filter((r: { done: boolean }) => r.done).map((r: { key: string }) => r.key))
  const todo = DEMO_ORDERS.filter((o) => !done.has(o.key))
  if (!todo.length) {
    return { created: 0 }
  }

  const ctx = await orderContext(container, input.sales_channel_id)
  const at = (o: DemoOrder, days: number) => new Date(input.anchor.getTime() - (o.placed - days) * DAY)
  const oldest = Math.max(...DEMO_ORDERS.map((o) => o.placed))
  const clock = settlementClock(container, input.anchor, new Date(input.anchor.getTime() - oldest * DAY))
  const created = { orders: 0 }
  const run = (event: OrderEvent) => seedOrderStep(container, ctx, { ...input, at }, orderIdByKey, created, event)

  // Between two settlement runs, different orders' steps do not depend on one
  // another: they run side by side, each order's own steps one after the other.
  const events = timeline(todo, at)
  while (events.length) {
    await clock.until(events[0].at)
    const end = events.findIndex((e) => e.at.getTime() >= clock.next().getTime())
    const batch = events.splice(0, end === -1 ? events.length : end)
    const byOrder = [...new Set(batch.map((e) => e.order.key))].map((key) => batch.filter((e) => e.order.key === key))
    await inParallel(byOrder, 3, async (steps) => {
      for (const step of steps) {
        await run(step)
      }
    })
  }
  await clock.until(input.anchor)
  await datedBack(container).settlements()
  return { created: created.orders }
}

type OrderEvent = ReturnType<typeof timeline>[number]

/** One step of one order: Medusa's workflow (unless an earlier run did it), then the plugin's. */
async function seedOrderStep(
  container: MedusaContainer,
  ctx: OrderContext,
  input: {
    customerByEmail: Map<string, CustomerDTO>
    distributorByEmail: Map<string, DistributorDTO>
    at: (o: DemoOrder, days: number) => Date
  },
  orderIdByKey: Map<string, string>,
  created: { orders: number },
  event: OrderEvent
) {
  const o = event.order
  const reverse = (orderId: string, cause: string) =>
    reverseOrderCommissionsWorkflow(container).run({ input: { order_id: orderId, cause } })
  if (event.step === "placed") {
    if (!orderIdByKey.has(o.key)) {
      const customer = typeof o.buyer === "string" ? input.customerByEmail.get(o.buyer)! : null
      const buyer = customer
        ? { email: customer.email, first_name: customer.first_name ?? "", last_name: customer.last_name ?? "", customer_id: customer.id }
        : (o.buyer as DemoGuest)
      const code = o.code ? input.distributorByEmail.get(o.code)!.referral_code : null
      const coupon = o.coupon ? await couponCodeOf(container, input.distributorByEmail.get(o.coupon)!.id) : null
      orderIdByKey.set(o.key, await placeOrder(container, ctx, o, buyer, code, coupon))
      created.orders++
    }
    await creditOrderCommissionsWorkflow(container).run({ input: { order_id: orderIdByKey.get(o.key)! } })
    return
  }
  const orderId = orderIdByKey.get(o.key)!
  const order = await loadOrder(container, orderId)
  const items = order.items.map((i) => ({ id: i.id, quantity: i.quantity }))
  const fulfillment = () => order.fulfillments.find((f) => !f.canceled_at)
  switch (event.step) {
    case "fulfilled":
      if (!fulfillment()) {
        await createOrderFulfillmentWorkflow(container).run({
          input: { order_id: orderId, items, location_id: ctx.location_id },
        })
      }
      break
    case "shipped":
      if (!fulfillment()!.shipped_at) {
        await createOrderShipmentWorkflow(container).run({
          input: { order_id: orderId, fulfillment_id: fulfillment()!.id, items },
        })
      }
      break
    case "delivered":
      if (!fulfillment()!.delivered_at) {
        await markOrderFulfillmentAsDeliveredWorkflow(container).run({
          input: { orderId, fulfillmentId: fulfillment()!.id },
        })
      }
      break
    case "canceled":
      if (order.status !== "canceled") {
        await cancelOrderWorkflow(container).run({ input: { order_id: orderId } })
      }
      await reverse(orderId, "cancel")
      break
    case "returned": {
      const returnId = order.returns.find((r) => r.status === "received")?.id ?? (await receiveReturn(container, ctx, order, o))
      await reverse(orderId, `return:${returnId}`)
      await datedBack(container).clawbacks(orderId, "return:", event.at)
      break
    }
    case "refunded": {
      const payment = order.payment_collections[0].payments[0]
      if (!payment.refunds?.length) {
        if (!payment.captured_at) {
          await capturePaymentWorkflow(container).run({ input: { payment_id: payment.id } })
        }
        await refundPaymentWorkflow(container).run({ input: { payment_id: payment.id, amount: o.refund!.amount } })
      }
      await reverse(orderId, "refund")
      await datedBack(container).clawbacks(orderId, "refund:", event.at)
      break
    }
    case "seeded":
      await datedBack(container).order(orderId, o, input.at)
      // The seed's own bookkeeping, not a change a merchant made: straight to
      // the order module (updateOrderWorkflow refuses canceled orders).
      await container
        .resolve(Modules.ORDER)
        .updateOrders(orderId, { metadata: { ...(order.metadata ?? {}), demo_seeded: true } })
      break
  }
  if (event.step === "fulfilled" || event.step === "shipped" || event.step === "delivered") {
    await markCommissionsEligibleWorkflow(container).run({
      input: { order_id: orderId, state: event.step, at: event.at },
    })
  }
}

/** The code of a distributor's coupon (the coupons section issued it). */
async function couponCodeOf(container: MedusaContainer, distributorId: string) {
  const [coupon] = await container
    .resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
    .listDistributorCoupons({ distributor_id: distributorId }, { select: ["code"] })
  if (!coupon) {
    throw new Error(`The demo distributor ${distributorId} has no coupon: the coupons section runs before the orders`)
  }
  return coupon.code
}

/** A return of some units, requested and received the way an admin does it. */
async function receiveReturn(container: MedusaContainer, ctx: OrderContext, order: OrderState, o: DemoOrder) {
  const items = o.returned!.lines.map(([sku, quantity]) => ({
    id: order.items.find((i) => i.variant_sku === sku)!.id,
    quantity,
  }))
  const { result: change } = await beginReturnOrderWorkflow(container).run({
    input: { order_id: order.id, location_id: ctx.location_id },
  })
  const returnId = change.return_id!
  await requestItemReturnWorkflow(container).run({ input: { return_id: returnId, items } })
  await confirmReturnRequestWorkflow(container).run({ input: { return_id: returnId } })
  await beginReceiveReturnWorkflow(container).run({ input: { return_id: returnId } })
  await receiveItemReturnRequestWorkflow(container).run({ input: { return_id: returnId, items } })
  await confirmReturnReceiveWorkflow(container).run({ input: { return_id: returnId } })
  return returnId
}

/**
 * Medusa and the plugin stamp every record with the moment its workflow ran,
 * that is the seed's run; the story's records are dated back to when they
 * happened in it, so lists, exports and charts show six weeks of activity. Only
 * timestamps change, and only the demo orders' (re-dating is idempotent).
 */
function datedBack(container: MedusaContainer) {
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  return {
    async order(orderId: string, o: DemoOrder, at: (o: DemoOrder, days: number) => Date) {
      const placed = at(o, 0)
      const step = (name: keyof typeof LIFECYCLE) => at(o, LIFECYCLE[name])
      await pg.raw(
        `UPDATE "order" SET created_at = ?, canceled_at = CASE WHEN canceled_at IS NULL THEN NULL ELSE ?::timestamptz END WHERE id = ?`,
        [placed, step("canceled"), orderId]
      )
      await pg.raw(
        `UPDATE fulfillment f
            SET created_at = ?, packed_at = ?,
                shipped_at = CASE WHEN f.shipped_at IS NULL THEN NULL ELSE ?::timestamptz END,
                delivered_at = CASE WHEN f.delivered_at IS NULL THEN NULL ELSE ?::timestamptz END
           FROM order_fulfillment l WHERE l.fulfillment_id = f.id AND l.order_id = ?`,
        [step("fulfilled"), step("fulfilled"), step("shipped"), step("delivered"), orderId]
      )
      if (o.returned) {
        const returned = at(o, o.returned.after)
        await pg.raw(`UPDATE "return" SET created_at = ?, requested_at = ?, received_at = ? WHERE order_id = ?`, [
          returned,
          returned,
          returned,
          orderId,
        ])
      }
      await pg.raw(
        `UPDATE distribution_commission
            SET created_at = ?, reversed_at = CASE WHEN reversed_at IS NULL THEN NULL ELSE ?::timestamptz END
          WHERE order_id = ?`,
        [placed, step("canceled"), orderId]
      )
      // An order placed with a coupon used it when it was placed.
      await pg.raw(`UPDATE distribution_coupon_use SET created_at = ?, updated_at = ? WHERE order_id = ?`, [placed, placed, orderId])
      // A buyer who checked out with a code was bound to its owner then: the
      // binding that order made is the buyer's one still stamped after the anchor.
      await pg.raw(
        `UPDATE distribution_referral_binding b SET bound_at = ?, created_at = ?, updated_at = ?
           FROM "order" o WHERE o.id = ? AND b.customer_id = o.customer_id AND b.bound_at > ?`,
        [placed, placed, placed, orderId, at(o, o.placed)]
      )
    },
    /** Clawbacks of an order's return or refund, on the day it came. */
    async clawbacks(orderId: string, cause: "return:" | "refund:", when: Date) {
      await pg.raw(
        `UPDATE distribution_ledger_entry l SET created_at = ?
           FROM distribution_commission c
          WHERE c.order_id = ? AND l.kind = 'commission_clawed_back' AND l.reference_id LIKE c.id || ':' || ? || '%'`,
        [when, orderId, cause]
      )
    },
    /** Settlement credits of the demo orders, on the day the job settled them. */
    async settlements() {
      await pg.raw(
        `UPDATE distribution_ledger_entry l SET created_at = c.settled_at
           FROM distribution_commission c JOIN "order" o ON o.id = c.order_id
          WHERE l.kind = 'commission_settled' AND l.reference_id = c.id
            AND o.metadata->>'demo_order' IS NOT NULL AND l.created_at <> c.settled_at`
      )
    },
  }
}
