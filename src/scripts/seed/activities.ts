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
import { ActivityKind, DISTRIBUTION_MODULE, DistributionEvents, FlashSaleStatus, GroupBuyStatus, GroupStatus } from "../../modules/distribution/constants"
import { groupDeadline } from "../../modules/distribution/utils/group-buy"
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
 * activities' names: an activity already there is not made again, only its
 * clocks are moved forward so that the demo stays live (keepGroupBuyLive).
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

const DAY_MS = 24 * 3600_000
/** How long the demo's activities run from the boot that made or moved them, and how little runway left moves them again. */
export const DEMO_RUNWAY_DAYS = 30
export const DEMO_RUNWAY_MIN_DAYS = 7
/** The seed's open group has its deadline moved when less than this is left (the deadline of a group opened now). */
const GROUP_MIN_LEFT_MS = 3600_000

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
  /** The seed's clocks moved forward on a database seeded earlier (see keepGroupBuyLive). */
  const moved = { "group buys": 0, groups: 0, "flash sales": 0 }

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

  /** A group of the demo's buyers (the leader first), each through checkout; answers its id. */
  const group = async (groupBuyId: string, members: number[]) => {
    const lead = await buy(ActivityKind.GROUP_BUY, groupBuyId, variant.id, members[0])
    const groupId = (await distribution.groupSeatOfReservation(lead.reservation_id))!.group.id
    for (const k of members.slice(1)) {
      await buy(ActivityKind.GROUP_BUY, groupBuyId, variant.id, k, { group_id: groupId })
    }
    return groupId
  }

  /**
   * The demo's clocks, on a database an earlier boot seeded (`npm run demo` reuses it). A
   * merchant who boots the demo again the next day expects to find it as it was shown: the 拼团
   * running with a group waiting for members, the 秒杀 selling. Times chosen to stay valid forever
   * would misrepresent the tools (a 拼团 whose groups never expire is not a 拼团), so each run
   * moves the seed's own clocks forward instead, and only those: the activities the seed made (by
   * the names it gives them; a closed one is left closed) and the open group the seed's buyer
   * leads. What visitors did is never touched; when no group is open any more (it failed or
   * filled while the server ran), the seed's buyer opens a new one through checkout.
   */
  const keepGroupBuyLive = async (gb: { id: string; status: string; ends_at: Date; time_limit_minutes: number }) => {
    if (gb.status !== GroupBuyStatus.ACTIVE) {
      return
    }
    const now = new Date()
    let endsAt = new Date(gb.ends_at)
    if (endsAt.getTime() - now.getTime() < DEMO_RUNWAY_MIN_DAYS * DAY_MS) {
      endsAt = new Date(now.getTime() + DEMO_RUNWAY_DAYS * DAY_MS)
      await saveGroupBuyWorkflow(container).run({ input: { id: gb.id, fields: { ends_at: endsAt }, actor_id: "demo-seed" } })
      moved["group buys"]++
    }
    const open = await distribution.listDistributionGroups({ group_buy_id: gb.id, status: GroupStatus.OPEN })
    const seeded = open.find((g) => g.leader_customer_id === customer(DEMO_GROUP_BUY.groups.open[0]))
    if (seeded) {
      if (new Date(seeded.expires_at!).getTime() - now.getTime() < GROUP_MIN_LEFT_MS) {
        await distribution.updateDistributionGroups({ id: seeded.id, expires_at: groupDeadline(now, gb.time_limit_minutes, endsAt) })
        moved.groups++
      }
    } else if (!open.length) {
      await group(gb.id, DEMO_GROUP_BUY.groups.open)
    }
  }

  const [groupBuy] = await distribution.listDistributionGroupBuys({ name: DEMO_GROUP_BUY.name })
  if (groupBuy) {
    await keepGroupBuyLive(groupBuy)
  } else {
    const now = Date.now()
    const { result: gb } = await saveGroupBuyWorkflow(container).run({
      input: {
        fields: {
          name: DEMO_GROUP_BUY.name,
          starts_at: new Date(now - 3600_000),
          ends_at: new Date(now + DEMO_RUNWAY_DAYS * DAY_MS),
          group_size: DEMO_GROUP_BUY.group_size,
          time_limit_minutes: DEMO_GROUP_BUY.hours * 60,
          prices: [{ variant_id: variant.id, currency_code: "cny", amount: DEMO_GROUP_BUY.price }],
        },
        actor_id: "demo-seed",
      },
    })
    created["group buys"]++
    // The failed group first: its deadline is moved into the past and the expiry pass fails it,
    // canceling and refunding its orders, before the open group exists.
    const failed = await group(gb.id, DEMO_GROUP_BUY.groups.failed)
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
    await group(gb.id, DEMO_GROUP_BUY.groups.succeeded)
    await group(gb.id, DEMO_GROUP_BUY.groups.open)
  }

  const [flash] = await distribution.listDistributionFlashSales({ name: DEMO_FLASH_SALE.name }, { select: ["id", "status", "ends_on"] })
  if (flash) {
    // As the group buy's: the seed's 秒杀, unless closed, keeps selling for weeks from any boot.
    const soon = ymd(new Date(Date.now() + DEMO_RUNWAY_MIN_DAYS * DAY_MS))
    if (flash.status === FlashSaleStatus.ACTIVE && flash.ends_on < soon) {
      await distribution.updateFlashSale({
        id: flash.id,
        sale: { ends_on: ymd(new Date(Date.now() + DEMO_FLASH_SALE.days * DAY_MS)) },
        variant_labels: await activityVariantLabels(container, [rice.id]),
      })
      moved["flash sales"]++
    }
  } else {
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
  return { created, moved }
}
