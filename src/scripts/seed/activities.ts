import { CustomerDTO, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import {
  addShippingMethodToCartWorkflow,
  completeCartWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
  updateCartWorkflow,
} from "@medusajs/medusa/core-flows"
import { checkoutActivity } from "../../lib/activity/checkout"
import "../../lib/activity"
import { activityVariantLabels } from "../../lib/activity/variants"
import { resolveFlashVariants } from "../../lib/flash-sales"
import { ActivityKind, DISTRIBUTION_MODULE, DistributionEvents } from "../../modules/distribution/constants"
import DistributionModuleService from "../../modules/distribution/service"
import activityReservations from "../../subscribers/activity-reservations"
import reverseCommissions from "../../subscribers/order-reversed"
import { creditOrderCommissionsWorkflow, expireGroupsWorkflow, saveGroupBuyWorkflow } from "../../workflows"
import { BUYERS } from "./programme-data"
import { SHIPPING_OPTIONS } from "./store"

/**
 * The demo's activities: a running 拼团 (group of 3, 24 h) with one group that
 * succeeded (3 paid), one open (1 of 3 paid) and one failed (2 of 3 paid, its
 * deadline passed: the plugin's expiry workflow canceled and refunded its
 * orders), and a 秒杀 selling all day, every day for a month (Asia/Shanghai),
 * so it is live whenever the demo is booted, a few of its quota sold.
 *
 * Every order goes through the activity checkout, then Medusa's checkout
 * (address, shipping, payment session, complete); the plugin's reactions to
 * order.placed and order.canceled are run as its subscribers run them (the
 * script exits before the event bus would deliver them). Idempotent by the
 * activities' names: an activity already there is left alone.
 */
export const DEMO_GROUP_BUY = {
  name: "拼团 · 帆布托特包 三人团",
  sku: "TOTE-IVORY",
  price: "59.90",
  group_size: 3,
  hours: 24,
  /** Buyers (referred buyers, bound to their referrers) of each group, the leader first. */
  groups: { succeeded: [1, 2, 3], open: [4], failed: [5, 6] },
}

export const DEMO_FLASH_SALE = {
  name: "秒杀 · 五常稻花香大米 5kg",
  sku: "RICE-5",
  price: "49.90",
  quota: 50,
  /** Buyers (indexes into the referred buyers) who bought one each. */
  buyers: [7, 8, 9],
  days: 30,
}

/** The referred buyers the activities' orders are placed by (the storefront's demo login excluded). */
export const activityBuyers = () => BUYERS.filter((b) => b.referrer && b.email !== "demo@example.com")

const ADDRESS = { first_name: "演示", last_name: "买家", phone: "13800000000", address_1: "西湖区文三路 100 号", city: "杭州", province: "浙江", country_code: "cn", postal_code: "310000" }

const ymd = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(d)

export async function seedActivities(
  container: MedusaContainer,
  input: { sales_channel_id: string; customerByEmail: Map<string, CustomerDTO> }
) {
  const distribution = container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
  const [variant] = await container.resolve(Modules.PRODUCT).listProductVariants({ sku: DEMO_GROUP_BUY.sku }, { select: ["id"] })
  const [rice] = await container.resolve(Modules.PRODUCT).listProductVariants({ sku: DEMO_FLASH_SALE.sku }, { select: ["id"] })
  const [option] = await container.resolve(Modules.FULFILLMENT).listShippingOptions({ name: SHIPPING_OPTIONS[0].name })
  const buyers = activityBuyers()
  const customer = (k: number) => input.customerByEmail.get(buyers[k].email)!.id
  const created = { "group buys": 0, "flash sales": 0, "activity orders": 0 }

  /** The activity checkout, then Medusa's; then what the subscribers do on order.placed. */
  const buy = async (kind: ActivityKind, activityId: string, variantId: string, k: number, options?: Record<string, unknown>) => {
    const checkout = await checkoutActivity(container, {
      kind,
      activity_id: activityId,
      customer_id: customer(k),
      variant_id: variantId,
      quantity: 1,
      sales_channel_id: input.sales_channel_id,
      options,
    })
    await updateCartWorkflow(container).run({ input: { id: checkout.cart_id, shipping_address: ADDRESS } })
    await addShippingMethodToCartWorkflow(container).run({ input: { cart_id: checkout.cart_id, options: [{ id: option.id }] } })
    const { result: collection } = await createPaymentCollectionForCartWorkflow(container).run({ input: { cart_id: checkout.cart_id } })
    await createPaymentSessionsWorkflow(container).run({ input: { payment_collection_id: collection.id, provider_id: "pp_system_default" } })
    const { result: order } = await completeCartWorkflow(container).run({ input: { id: checkout.cart_id } })
    const event = { name: "order.placed", data: { id: order.id } }
    await activityReservations({ event, container } as Parameters<typeof activityReservations>[0])
    await creditOrderCommissionsWorkflow(container).run({ input: { order_id: order.id } })
    created["activity orders"]++
    return { order_id: order.id, reservation_id: checkout.reservation.id }
  }

  const [groupBuy] = await distribution.listDistributionGroupBuys({ name: DEMO_GROUP_BUY.name }, { select: ["id"] })
  if (!groupBuy) {
    const now = Date.now()
    const { result: gb } = await saveGroupBuyWorkflow(container).run({
      input: {
        fields: {
          name: DEMO_GROUP_BUY.name,
          starts_at: new Date(now - 3600_000),
          ends_at: new Date(now + 30 * 24 * 3600_000),
          group_size: DEMO_GROUP_BUY.group_size,
          time_limit_minutes: DEMO_GROUP_BUY.hours * 60,
          prices: [{ variant_id: variant.id, currency_code: "cny", amount: DEMO_GROUP_BUY.price }],
        },
        actor_id: "demo-seed",
      },
    })
    created["group buys"]++
    const group = async (members: number[]) => {
      const lead = await buy(ActivityKind.GROUP_BUY, gb.id, variant.id, members[0])
      const groupId = (await distribution.groupSeatOfReservation(lead.reservation_id))!.group.id
      for (const k of members.slice(1)) {
        await buy(ActivityKind.GROUP_BUY, gb.id, variant.id, k, { group_id: groupId })
      }
      return groupId
    }
    // The failed group first: its deadline is moved into the past and the expiry pass fails it,
    // canceling and refunding its orders, before the open group exists.
    const failed = await group(DEMO_GROUP_BUY.groups.failed)
    await distribution.updateDistributionGroups({ id: failed, expires_at: new Date(Date.now() - 1000) })
    await expireGroupsWorkflow(container).run({ input: {} })
    const canceled = await distribution.listDistributionGroupMembers({ group_id: failed }, { select: ["order_id"] })
    for (const m of canceled) {
      if (m.order_id) {
        const event = { name: "order.canceled", data: { id: m.order_id } }
        await activityReservations({ event, container } as Parameters<typeof activityReservations>[0])
        await reverseCommissions({ event, container } as Parameters<typeof reverseCommissions>[0])
      }
    }
    await group(DEMO_GROUP_BUY.groups.succeeded)
    await group(DEMO_GROUP_BUY.groups.open)
  }

  const [flash] = await distribution.listDistributionFlashSales({ name: DEMO_FLASH_SALE.name }, { select: ["id"] })
  if (!flash) {
    const today = new Date()
    const variants = await resolveFlashVariants(container, [
      { variant_id: rice.id, quota: DEMO_FLASH_SALE.quota, prices: [{ currency_code: "cny", amount: DEMO_FLASH_SALE.price }] },
    ])
    const sale = await distribution.createFlashSale({
      sale: {
        name: DEMO_FLASH_SALE.name,
        starts_on: ymd(new Date(today.getTime() - 24 * 3600_000)),
        ends_on: ymd(new Date(today.getTime() + DEMO_FLASH_SALE.days * 24 * 3600_000)),
        time_zone: "Asia/Shanghai",
        slots: [{ start: "00:00", end: "24:00" }],
      },
      variants,
      variant_labels: await activityVariantLabels(container, [rice.id]),
    })
    await container.resolve(Modules.EVENT_BUS).emit({ name: DistributionEvents.FLASH_SALE_CREATED, data: { id: sale.id, actor_id: "demo-seed" } })
    created["flash sales"]++
    for (const k of DEMO_FLASH_SALE.buyers) {
      await buy(ActivityKind.FLASH_SALE, sale.id, rice.id, k)
    }
  }
  return { created }
}
