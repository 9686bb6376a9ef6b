import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CustomerDTO, MedusaContainer } from "@medusajs/framework/types"
import { DemoOrder } from "../../src/scripts/seed/orders-data"
import { presentSales } from "../../src/lib/sales"
import { DISTRIBUTION_MODULE } from "../../src/modules/distribution"
import DistributionModuleService from "../../src/modules/distribution/service"
import { formatAmount } from "../../src/modules/distribution/utils/money"
import seedDemo, {
  BUYERS,
  COUPON_OWNERS,
  COUPONS_ISSUED,
  DEMO_COUPON_TEMPLATE,
  STEPS,
  CATEGORIES,
  COLLECTIONS,
  DEMO_GUESTS,
  DEMO_FLASH_SALE,
  DEMO_GROUP_BUY,
  DEMO_ORDERS,
  DEMO_PRICE_LIST,
  activityBuyers,
  DEMO_SALES,
  DEMO_WITHDRAWALS,
  DISTRIBUTORS,
  LEVELS,
  PRODUCTS,
  programmeSeededAt,
  PUBLISHABLE_KEY_TITLE,
  RULES,
  REGIONS,
  SHIPPING_OPTIONS,
  seedCatalog,
  seedCustomers,
  seedFulfillment,
  seedLevels,
  seedProgrammeSettings,
  seedStore,
} from "../../src/scripts/seed-demo"

// Two complete seeds (62 orders through checkout each time the first runs): about three
// minutes on a quiet two-core machine, over five when it is shared.
jest.setTimeout(900_000)

// The seed runs under `medusa exec`, a server instance that runs no scheduled
// job: so does every HTTP suite's app (integration-tests/setup.js), so the
// settlement job cannot settle at the real time what the seed settles on its
// replayed dates.

const COUNTS = `
  select
    (select count(*) from product where deleted_at is null)::int as products,
    (select count(*) from product_variant where deleted_at is null)::int as variants,
    (select count(*) from product_category where deleted_at is null)::int as categories,
    (select count(*) from product_collection where deleted_at is null)::int as collections,
    (select count(*) from region where deleted_at is null)::int as regions,
    (select count(*) from tax_region where deleted_at is null)::int as tax_regions,
    (select count(*) from sales_channel where name = '分销演示商城' and deleted_at is null)::int as sales_channels,
    (select count(*) from stock_location where deleted_at is null)::int as stock_locations,
    (select count(*) from shipping_option where deleted_at is null)::int as shipping_options,
    (select count(*) from api_key where title = '${PUBLISHABLE_KEY_TITLE}' and deleted_at is null)::int as api_keys,
    (select count(*) from publishable_api_key_sales_channel l join api_key k on k.id = l.publishable_key_id
      where k.title = '${PUBLISHABLE_KEY_TITLE}' and l.deleted_at is null)::int as api_key_channels,
    (select count(*) from customer where deleted_at is null)::int as customers,
    (select count(*) from provider_identity where provider = 'emailpass')::int as logins,
    (select count(*) from distribution_distributor where deleted_at is null)::int as distributors,
    (select count(*) from distribution_level where deleted_at is null)::int as levels,
    (select count(*) from distribution_level where is_default and deleted_at is null)::int as default_levels,
    (select count(*) from distribution_referral_binding where deleted_at is null)::int as bindings,
    (select count(*) from distribution_visit where deleted_at is null)::int as visits,
    (select count(*) from distribution_settings where deleted_at is null)::int as settings,
    (select count(*) from distribution_commission_rule where deleted_at is null)::int as commission_rules,
    (select count(*) from "order" where deleted_at is null)::int as orders,
    (select count(*) from distribution_commission where deleted_at is null)::int as commissions,
    (select count(*) from distribution_withdrawal where deleted_at is null)::int as withdrawals,
    (select count(*) from promotion where deleted_at is null)::int as promotions,
    (select count(*) from distribution_coupon where deleted_at is null)::int as coupons,
    (select count(*) from distribution_coupon where status = 'active' and deleted_at is null)::int as active_coupons,
    (select count(*) from distribution_coupon_use where deleted_at is null)::int as coupon_uses,
    (select count(*) from distribution_sale where deleted_at is null)::int as sales,
    (select count(*) from price_list where deleted_at is null)::int as price_lists`

const count = <T>(list: T[], pick: (x: T) => boolean) => list.filter(pick).length

const DAY = 24 * 3600 * 1000
const distributorByEmail = new Map(DISTRIBUTORS.map((d) => [d.email, d]))

/**
 * Who earns on each demo order, from the seed's data alone: the buyer itself
 * (an active distributor: the demo pays 自购返佣), else its binding (a recruit's
 * parent, a referred buyer's referrer, or the code or coupon it first checked
 * out with: the programme binds first, and a coupon binds its buyer), else the
 * cart's code or coupon; then up the tree to three levels, only active ones
 * paid. `via` says which of them earned level one.
 */
function earnersByOrder() {
  const via = new Map<string, "self" | "binding" | "code" | "coupon" | "none">()
  const bound = new Map<string, string>([
    ...BUYERS.filter((b) => b.referrer).map((b) => [b.email, b.referrer!] as [string, string]),
    ...DISTRIBUTORS.filter((d) => d.parent).map((d) => [d.email, d.parent!] as [string, string]),
  ])
  const result = new Map<string, string[]>()
  for (const o of [...DEMO_ORDERS].sort((a, b) => b.placed - a.placed)) {
    const buyer = typeof o.buyer === "string" ? o.buyer : o.buyer.email
    const self = distributorByEmail.get(buyer)?.status === "active" ? buyer : null
    const first = self ?? bound.get(buyer) ?? o.code ?? o.coupon ?? null
    via.set(o.key, self ? "self" : bound.has(buyer) ? "binding" : o.code ? "code" : o.coupon ? "coupon" : "none")
    if (!self && !bound.has(buyer) && (o.code ?? o.coupon)) {
      bound.set(buyer, (o.code ?? o.coupon)!)
    }
    const upline: string[] = []
    for (let d = first; d && upline.length < 3; d = distributorByEmail.get(d)!.parent) {
      upline.push(d)
    }
    result.set(o.key, upline.filter((e) => distributorByEmail.get(e)!.status === "active"))
  }
  return { result, via, codeBound: [...bound.keys()].filter((e) => !BUYERS.some((b) => b.email === e && b.referrer) && !distributorByEmail.get(e)?.parent) }
}
const EARNERS = earnersByOrder()

/** The activities' buyers, by index (groups then the flash sale), each bound to its referrer: the referrer's active upline earns. */
const ACTIVITY_BUYS = [
  ...Object.values(DEMO_GROUP_BUY.groups).flat(),
  ...DEMO_FLASH_SALE.buyers,
]
const activityEarners = (k: number) => {
  const upline: string[] = []
  for (let d: string | null = activityBuyers()[k].referrer; d && upline.length < 3; d = distributorByEmail.get(d)!.parent) {
    upline.push(d)
  }
  return upline.filter((e) => distributorByEmail.get(e)!.status === "active")
}

/** The activities' commissions (kind depth amount reversed status), in the order the seed places them. */
// 拼团 (¥59.90, the tote, level rates): the failed group's two orders reversed in full, then the
// succeeded group's three and the open group's one; 秒杀 (¥49.90, the rice: the 双十一 rule's 12 / 6 / 2 %).
const ACTIVITY_COMMISSIONS: string[] = [
  "failed 1 5.99 5.99 reversed", "failed 2 3.59 3.59 reversed",
  "failed 1 5.99 5.99 reversed", "failed 2 2.99 2.99 reversed", "failed 3 1.79 1.79 reversed",
  "succeeded 1 7.18 0.00 pending", "succeeded 2 4.79 0.00 pending",
  "succeeded 1 5.99 0.00 pending", "succeeded 2 3.59 0.00 pending", "succeeded 3 2.39 0.00 pending",
  "succeeded 1 5.99 0.00 pending", "succeeded 2 2.99 0.00 pending", "succeeded 3 1.79 0.00 pending",
  "open 1 7.18 0.00 pending",
  "flash 1 5.98 0.00 pending",
  "flash 1 5.98 0.00 pending", "flash 2 2.99 0.00 pending",
  "flash 1 5.98 0.00 pending", "flash 2 2.99 0.00 pending",
]

/** What one complete seed must hold, derived from the seed's own data. */
const EXPECTED = {
  products: PRODUCTS.length,
  variants: PRODUCTS.reduce((n, p) => n + p.variants.length, 0),
  categories: CATEGORIES.length,
  collections: COLLECTIONS.length,
  regions: REGIONS.length,
  tax_regions: REGIONS.flatMap((r) => r.countries).length,
  sales_channels: 1,
  stock_locations: 1,
  shipping_options: SHIPPING_OPTIONS.length,
  api_keys: 1,
  api_key_channels: 1,
  // Guests check out by email: Medusa keeps each as a customer without an account.
  customers: DISTRIBUTORS.length + BUYERS.length + DEMO_GUESTS.length,
  logins: count([...DISTRIBUTORS, ...BUYERS], (p) => !!p.login),
  distributors: DISTRIBUTORS.length,
  levels: LEVELS.length,
  default_levels: 1,
  // Every recruit is bound to its parent; every referred buyer to its referrer;
  // a buyer who first checked out with a code, to its owner.
  bindings: count(DISTRIBUTORS, (d) => !!d.parent) + count(BUYERS, (b) => !!b.referrer) + EARNERS.codeBound.length,
  visits: DISTRIBUTORS.reduce((n, d) => n + d.visits, 0),
  settings: 1,
  commission_rules: RULES.length,
  // The story's orders, and the activities' (one line each).
  orders: DEMO_ORDERS.length + ACTIVITY_BUYS.length,
  commissions:
    DEMO_ORDERS.reduce((n, o) => n + o.lines.length * EARNERS.result.get(o.key)!.length, 0) +
    ACTIVITY_BUYS.reduce((n, k) => n + activityEarners(k).length, 0),
  withdrawals: DEMO_WITHDRAWALS.length,
  // The coupon template, and a clone of it per active distributor, each active and used as the orders say.
  promotions: 1 + COUPON_OWNERS.length,
  coupons: COUPON_OWNERS.length,
  active_coupons: COUPON_OWNERS.length,
  coupon_uses: count(DEMO_ORDERS, (o) => !!o.coupon),
  sales: DEMO_SALES.length,
  // The distributor price, and one per sale.
  price_lists: 1 + DEMO_SALES.length,
}

type CommissionRow = {
  order_id: string
  line_item_id: string
  distributor_id: string
  status: string
  amount: string
  reversed_amount: string
  eligible_at: Date | null
  settled_at: Date | null
}

/** What the state of an order looks like in Medusa, named like the seed's fates. */
function stateOf(order: {
  status: string
  fulfillments?: { shipped_at: string | null; delivered_at: string | null }[]
  returns?: { status: string }[]
  payment_collections?: { payments?: { refunds?: unknown[] }[] }[]
}) {
  const f = order.fulfillments ?? []
  const refunds = (order.payment_collections ?? []).flatMap((pc) => pc.payments ?? []).flatMap((p) => p.refunds ?? [])
  return order.status === "canceled"
    ? "canceled"
    : (order.returns ?? []).some((r) => r.status === "received")
      ? "returned"
      : refunds.length
        ? "refunded"
        : f.some((x) => x.delivered_at)
          ? "delivered"
          : f.some((x) => x.shipped_at)
            ? "shipped"
            : f.length
              ? "fulfilled"
              : "placed"
}

/**
 * Every demo order in its state, its commissions in the status its timeline
 * gives them (to the millisecond for the freeze period), and every balance the
 * sum of its ledger.
 */
async function expectOrdersAndMoney(container: ReturnType<Parameters<Parameters<typeof medusaIntegrationTestRunner>[0]["testSuite"]>[0]["getContainer"]>) {
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: placed } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "status",
      "metadata",
      "created_at",
      "items.id",
      "items.variant_sku",
      "fulfillments.shipped_at",
      "fulfillments.delivered_at",
      "returns.status",
      "payment_collections.payments.refunds.id",
    ],
  })
  // The story's orders (the activities' are checked by expectActivities).
  const orders = placed.filter((o) => (o.metadata as { demo_order?: string } | null)?.demo_order)
  const byKey = new Map(orders.map((o) => [(o.metadata as { demo_order: string }).demo_order, o]))
  expect(Object.fromEntries(orders.map((o) => [(o.metadata as { demo_order: string }).demo_order, stateOf(o as never)]))).toEqual(
    Object.fromEntries(DEMO_ORDERS.map((o) => [o.key, o.fate]))
  )
  expect(new Set(DEMO_ORDERS.map((o) => o.fate)).size).toBe(7)

  const { rows: customers } = await pg.raw("select email, created_at from customer")
  const anchor = programmeSeededAt(new Map(customers.map((c: CustomerDTO) => [c.email, c]))).getTime()
  const { rows }: { rows: CommissionRow[] } = await pg.raw(
    "select order_id, line_item_id, distributor_id, status, amount::text, reversed_amount::text, eligible_at, settled_at from distribution_commission"
  )
  const actual: Record<string, number> = {}
  const expected: Record<string, number> = {}
  const add = (t: Record<string, number>, label: string) => (t[label] = (t[label] ?? 0) + 1)
  for (const o of DEMO_ORDERS) {
    const order = byKey.get(o.key)!
    const mine = rows.filter((r) => r.order_id === order.id)
    expect([o.key, mine.length]).toEqual([o.key, o.lines.length * EARNERS.result.get(o.key)!.length])
    const delivered = ["delivered", "returned", "refunded"].includes(o.fate)
    const eligible = anchor - (o.placed - 3 - 7) * DAY
    // Dated back to when the story has it happen.
    expect([o.key, new Date(order.created_at as string).getTime()]).toEqual([o.key, anchor - o.placed * DAY])
    expect([o.key, (order.fulfillments ?? []).map((f) => f?.delivered_at && new Date(f.delivered_at).getTime())]).toEqual([
      o.key,
      STEPS[o.fate].includes("fulfilled") ? [delivered ? anchor - (o.placed - 3) * DAY : null] : [],
    ])
    const returnedLines = new Set(
      (o.returned?.lines ?? []).map(([sku]) => order.items!.find((i) => i!.variant_sku === sku)!.id)
    )
    for (const r of mine) {
      const status = o.fate === "canceled" ? "reversed" : delivered && eligible <= anchor ? "settled" : "pending"
      const base = status === "pending" ? (delivered ? "pending, eligible later" : "pending, not yet eligible") : status
      add(expected, o.fate === "canceled" ? "fully reversed" : o.refund || returnedLines.has(r.line_item_id) ? `${base}, partly reversed` : base)

      const reversed = Number(r.reversed_amount)
      const actualBase =
        r.status === "pending"
          ? r.eligible_at && new Date(r.eligible_at).getTime() > anchor
            ? "pending, eligible later"
            : r.eligible_at
              ? "pending, overdue"
              : "pending, not yet eligible"
          : r.status
      add(
        actual,
        r.status === "reversed" && r.reversed_amount === r.amount
          ? "fully reversed"
          : reversed > 0 && reversed < Number(r.amount)
            ? `${actualBase}, partly reversed`
            : reversed === 0
              ? actualBase
              : "inconsistent"
      )
      expect([o.key, r.status]).toEqual([o.key, status])
      expect([o.key, r.eligible_at && new Date(r.eligible_at).getTime()]).toEqual([o.key, delivered ? eligible : null])
      if (r.settled_at) {
        // The daily settlement run right after the freeze period ended.
        const settled = new Date(r.settled_at).getTime()
        expect((anchor - settled) % DAY).toBe(0)
        expect(settled - eligible).toBeGreaterThanOrEqual(0)
        expect(settled - eligible).toBeLessThan(DAY)
      }
    }
  }
  expect(actual).toEqual(expected)
  expect(Object.keys(expected).sort()).toEqual([
    "fully reversed",
    "pending, eligible later",
    "pending, eligible later, partly reversed",
    "pending, not yet eligible",
    "settled",
    "settled, partly reversed",
  ])

  // Every cached balance is the sum of its ledger (payouts move held to withdrawn,
  // not available); what was credited and clawed back is what the settled
  // commissions kept, now split into available, held and withdrawn; every
  // clawback is a settled commission partly reversed afterwards.
  const { rows: wallets } = await pg.raw(
    `select w.distributor_id, w.currency_code,
            w.available = (select coalesce(sum(l.amount), 0) from distribution_ledger_entry l
              where l.distributor_id = w.distributor_id and l.currency_code = w.currency_code
                and l.kind <> 'withdrawal_paid') as is_ledger_sum,
            w.available + w.held + w.withdrawn = (select coalesce(sum(c.amount - c.reversed_amount), 0) from distribution_commission c
              where c.distributor_id = w.distributor_id and c.currency_code = w.currency_code and c.status = 'settled') as is_kept_sum
       from distribution_wallet w`
  )
  expect(wallets.filter((w: { is_ledger_sum: boolean; is_kept_sum: boolean }) => !w.is_ledger_sum || !w.is_kept_sum)).toEqual([])
  expect(new Set(wallets.map((w: { currency_code: string }) => w.currency_code))).toEqual(new Set(["cny", "hkd"]))
  const { rows: undated } = await pg.raw(
    `select l.id from distribution_ledger_entry l join distribution_commission c on l.reference_id = c.id
      where l.kind = 'commission_settled' and l.created_at <> c.settled_at`
  )
  expect(undated).toEqual([])
  const { rows: clawbackDays } = await pg.raw(
    "select distinct created_at from distribution_ledger_entry where kind = 'commission_clawed_back' order by created_at"
  )
  expect(clawbackDays.map((r: { created_at: Date }) => new Date(r.created_at).getTime())).toEqual(
    DEMO_ORDERS.filter((o) => o.placed >= 10 && (o.returned || o.refund))
      .map((o) => anchor - (o.placed - (o.returned?.after ?? o.refund!.after)) * DAY)
      .sort((a, b) => a - b)
  )
  const { rows: [ledger] } = await pg.raw(
    `select count(*) filter (where kind = 'commission_clawed_back')::int as clawbacks,
            count(*) filter (where kind = 'commission_settled')::int as credits,
            count(*) filter (where kind not in ('commission_settled', 'commission_clawed_back'))::int as withdrawal_entries
       from distribution_ledger_entry`
  )
  expect(ledger).toEqual({
    clawbacks: expected["settled, partly reversed"],
    credits: expected["settled"] + expected["settled, partly reversed"],
    // A hold per request; a release per rejection; a payout per payment.
    withdrawal_entries: DEMO_WITHDRAWALS.reduce((n, w) => n + ({ requested: 1, approved: 1, paid: 2, rejected: 2 })[w.fate], 0),
  })
  return expected
}

/** Each demo withdrawal in its fate, and every wallet's held and withdrawn figures their sums. */
async function expectWithdrawals(container: Parameters<typeof expectOrdersAndMoney>[0]) {
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = await pg.raw(
    `select w.idempotency_key as key, w.status, w.amount::text as amount, w.payout_account, w.account_masked::text as masked, d.email
       from distribution_withdrawal w join distribution_distributor d on d.id = w.distributor_id order by w.idempotency_key`
  )
  expect(rows.map((r: { key: string; status: string; amount: string; email: string }) => [r.key, r.status, r.amount, r.email])).toEqual(
    [...DEMO_WITHDRAWALS].sort((a, b) => a.key.localeCompare(b.key)).map((w) => [w.key, w.fate, w.amount, w.email])
  )
  expect(rows.every((r: { payout_account: string }) => r.payout_account.startsWith("v1:"))).toBe(true)
  expect(rows.some((r: { masked: string }) => r.masked.includes("6225880112345678"))).toBe(false)
  const sum = (email: string, fates: string[]) =>
    DEMO_WITHDRAWALS.filter((w) => w.email === email && fates.includes(w.fate)).reduce((n, w) => n + Number(w.amount), 0)
  const { rows: wallets } = await pg.raw(
    `select d.email, w.held::float as held, w.withdrawn::float as withdrawn from distribution_wallet w
       join distribution_distributor d on d.id = w.distributor_id where w.currency_code = 'cny'`
  )
  for (const w of wallets as { email: string; held: number; withdrawn: number }[]) {
    expect([w.email, w.held, w.withdrawn]).toEqual([w.email, sum(w.email, ["requested", "approved"]), sum(w.email, ["paid"])])
  }
}

/**
 * The programme tells the story the orders tell: every distributor applied
 * before it was approved or rejected, and was approved before its first
 * attributed order and before its recruits applied (each recruit bound to it in
 * between); referred buyers were bound after their referrer's approval and
 * before their first order; the audit log has each application and decision on
 * its day; nothing is in the future, and the applications span weeks.
 */
async function expectProgrammeDates(container: Parameters<typeof expectOrdersAndMoney>[0]) {
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  type Row = {
    id: string
    email: string
    status: string
    parent_reviewed_at: Date | null
    created_at: Date
    reviewed_at: Date | null
    activated_at: Date | null
    bound_at: Date | null
    first_order: Date | null
    first_recruit: Date | null
    now: Date
  }
  const { rows }: { rows: Row[] } = await pg.raw(
    `select d.id, d.email, d.status, p.reviewed_at as parent_reviewed_at, d.created_at, d.reviewed_at, d.activated_at, b.bound_at,
            (select min(o.created_at) from distribution_commission c join "order" o on o.id = c.order_id
              where c.distributor_id = d.id) as first_order,
            (select min(r.created_at) from distribution_distributor r where r.parent_id = d.id) as first_recruit,
            now() as now
       from distribution_distributor d
       left join distribution_distributor p on p.id = d.parent_id
       left join distribution_referral_binding b on b.customer_id = d.customer_id and b.distributor_id = d.parent_id`
  )
  const time = (d: Date | null) => (d ? new Date(d).getTime() : null)
  const problems: string[] = []
  const before = (email: string, a: string, x: Date | null, b: string, y: Date | null) => {
    if (x && y && !(time(x)! < time(y)!)) problems.push(`${email}: ${a} ${new Date(x).toISOString()} is not before ${b} ${new Date(y).toISOString()}`)
  }
  for (const r of rows) {
    const admitted = r.status === "active" || r.status === "suspended"
    if (!!r.reviewed_at !== (r.status !== "pending")) problems.push(`${r.email}: ${r.status} with reviewed_at ${r.reviewed_at}`)
    if (time(r.activated_at) !== (admitted ? time(r.reviewed_at) : null)) problems.push(`${r.email}: activated ${r.activated_at}, reviewed ${r.reviewed_at}`)
    before(r.email, "its binding to its parent", r.bound_at, "its application", r.created_at)
    before(r.email, "its parent's approval", r.parent_reviewed_at, "its binding to its parent", r.bound_at)
    before(r.email, "its application", r.created_at, "its review", r.reviewed_at)
    before(r.email, "its approval", r.reviewed_at, "its first attributed order", r.first_order)
    before(r.email, "its approval", r.reviewed_at, "its first recruit's application", r.first_recruit)
    before(r.email, "its review", r.reviewed_at, "now", r.now)
    before(r.email, "its application", r.created_at, "now", r.now)
  }
  // Not vacuous: recruits, attributed orders and recruiters are all there.
  expect(rows.filter((r) => r.bound_at).length).toBe(count(DISTRIBUTORS, (d) => !!d.parent))
  expect(rows.filter((r) => r.first_order).length).toBe(new Set([...EARNERS.result.values()].flat()).size)
  expect(rows.filter((r) => r.first_recruit).length).toBe(new Set(DISTRIBUTORS.map((d) => d.parent).filter(Boolean)).size)

  // Every binding (recruits, referred buyers, buyers who checked out with a code)
  // after its distributor's approval and before the buyer's first order.
  const { rows: bindings } = await pg.raw(
    `select c.email, b.bound_at, b.created_at, d.reviewed_at, now() as now,
            (select min(o.created_at) from "order" o where o.customer_id = b.customer_id) as first_order
       from distribution_referral_binding b
       join customer c on c.id = b.customer_id
       join distribution_distributor d on d.id = b.distributor_id`
  )
  expect(bindings).toHaveLength(EXPECTED.bindings)
  for (const b of bindings as { email: string; bound_at: Date; created_at: Date; reviewed_at: Date; first_order: Date | null; now: Date }[]) {
    before(b.email, "its distributor's approval", b.reviewed_at, "its binding", b.bound_at)
    if (b.first_order && time(b.bound_at)! > time(b.first_order)!) problems.push(`${b.email}: bound after its first order`)
    before(b.email, "its binding", b.bound_at, "now", b.now)
    if (time(b.created_at) !== time(b.bound_at)) problems.push(`${b.email}: binding row made ${b.created_at}, bound ${b.bound_at}`)
  }
  expect(problems).toEqual([])

  // The dates are the story's, counted back from the seed's first run.
  const { rows: customers } = await pg.raw("select email, created_at from customer")
  const anchor = programmeSeededAt(new Map(customers.map((c: CustomerDTO) => [c.email, c]))).getTime()
  const byEmail = new Map(rows.map((r) => [r.email, r]))
  expect(DISTRIBUTORS.map((d) => [d.email, time(byEmail.get(d.email)!.created_at), time(byEmail.get(d.email)!.reviewed_at)])).toEqual(
    DISTRIBUTORS.map((d) => [d.email, anchor - d.applied * DAY, d.reviewed === undefined ? null : anchor - d.reviewed * DAY])
  )
  const days = new Set(rows.map((r) => new Date(r.created_at).toISOString().slice(0, 10)))
  expect(days.size).toBeGreaterThanOrEqual(10)

  // The audit log: each application and decision once, on its day.
  const { rows: audit } = await pg.raw(
    `select d.email, a.action, a.created_at from distribution_audit_log a
       join distribution_distributor d on d.id = a.entity_id where a.entity_type = 'distributor'
      order by d.email collate "C", a.created_at`
  )
  const at = (days: number) => new Date(anchor - days * DAY).toISOString()
  expect(audit.map((a: { email: string; action: string; created_at: Date }) => [a.email, a.action, new Date(a.created_at).toISOString()])).toEqual(
    [...DISTRIBUTORS]
      .sort((a, b) => (a.email < b.email ? -1 : 1))
      .flatMap((d) => [
        [d.email, "distributor.apply", at(d.applied)],
        ...(d.status === "pending" ? [] : [[d.email, d.status === "rejected" ? "distributor.reject" : "distributor.approve", at(d.reviewed!)]]),
        ...(d.status === "suspended" ? [[d.email, "distributor.suspend", at(d.suspended!)]] : []),
      ])
  )
}

/**
 * Distributor prices: per level, every active distributor is in the
 * Distributors group and its level's, nobody else is; the demo's price list
 * sells the serum to that group at its price.
 */
async function expectDistributorPrices(container: MedusaContainer) {
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows: [mode] } = await pg.raw("select distributor_group_mode from distribution_settings where deleted_at is null")
  expect(mode.distributor_group_mode).toBe("per_level")
  const members = `select g.name, count(c.id)::int as n from customer_group g
      left join customer_group_customer c on c.customer_group_id = g.id and c.deleted_at is null
     where g.metadata->>'distribution_group' is not null and g.deleted_at is null group by g.name order by g.name`
  const expected = `select 'Distributors' as name, count(*)::int as n from distribution_distributor where status = 'active' and deleted_at is null
    union all
    select 'Distributors — ' || l.name, count(d.id)::int from distribution_level l
      left join distribution_distributor d on d.level_id = l.id and d.status = 'active' and d.deleted_at is null
     where l.deleted_at is null group by l.name order by name`
  const { rows: groups } = await pg.raw(members)
  expect(groups).toEqual((await pg.raw(expected)).rows)
  expect(groups).toHaveLength(LEVELS.length + 1)
  // Members are active distributors' customers only.
  const { rows: [{ strangers }] } = await pg.raw(
    `select count(*)::int as strangers from customer_group_customer c join customer_group g on g.id = c.customer_group_id
      where g.metadata->>'distribution_group' is not null and c.deleted_at is null
        and not exists (select 1 from distribution_distributor d where d.customer_id = c.customer_id and d.status = 'active' and d.deleted_at is null)`
  )
  expect(strangers).toBe(0)
  const { rows: lists } = await pg.raw(
    `select pl.type, pl.status, r.value as groups, p.amount::float as amount, v.sku
       from price_list pl
       join price_list_rule r on r.price_list_id = pl.id and r.attribute = 'customer.groups.id' and r.deleted_at is null
       join price p on p.price_list_id = pl.id and p.deleted_at is null
       join product_variant_price_set vps on vps.price_set_id = p.price_set_id
       join product_variant v on v.id = vps.variant_id
      where pl.title = ? and pl.deleted_at is null`,
    [DEMO_PRICE_LIST.title]
  )
  const { rows: [programme] } = await pg.raw("select distributor_group_id from distribution_settings where deleted_at is null")
  expect(lists).toEqual([{ type: "sale", status: "active", groups: [programme.distributor_group_id], amount: DEMO_PRICE_LIST.cny, sku: DEMO_PRICE_LIST.sku }])
}

/**
 * Distributor coupons: the template chosen in the settings, a clone of it per
 * active distributor dated to the story, and every coupon order discounted by
 * its owner's coupon, its use recorded on the order's day, its level one paid
 * to the coupon's owner through the coupon when nothing bound the buyer before,
 * and the buyer bound to the owner with source coupon.
 */
async function expectCoupons(container: MedusaContainer) {
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { rows: [template] } = await pg.raw(
    `select p.id, p.status, s.coupon_template_promotion_id as chosen, am.value::float as value, am.type, am.target_type, c.budget_type, c.budget_limit
       from promotion p join promotion_application_method am on am.promotion_id = p.id
       left join (select cp.id, b.type as budget_type, b."limit"::int as budget_limit, b.attribute
                    from promotion_campaign cp join promotion_campaign_budget b on b.campaign_id = cp.id) c on c.id = p.campaign_id
       cross join distribution_settings s
      where p.code = ?`,
    [DEMO_COUPON_TEMPLATE.code]
  )
  expect(template).toMatchObject({ status: "inactive", value: DEMO_COUPON_TEMPLATE.value, type: "percentage", target_type: "items", budget_type: "use_by_attribute", budget_limit: 1 })
  expect(template.chosen).toBe(template.id)

  const { rows: customers } = await pg.raw("select email, created_at from customer")
  const anchor = programmeSeededAt(new Map(customers.map((c: CustomerDTO) => [c.email, c]))).getTime()
  const { rows: coupons } = await pg.raw(
    `select d.email, c.code, d.referral_code, c.status, c.source, c.created_at, p.code as promotion_code, p.status as promotion_status, p.campaign_id,
            (select campaign_id from promotion where code = ?) as template_campaign_id
       from distribution_coupon c join distribution_distributor d on d.id = c.distributor_id join promotion p on p.id = c.promotion_id
      order by d.email collate "C"`,
    [DEMO_COUPON_TEMPLATE.code]
  )
  expect(coupons.map((c: { email: string }) => c.email)).toEqual([...COUPON_OWNERS].sort((a, b) => (a < b ? -1 : 1)))
  for (const c of coupons) {
    expect([c.email, c.code, c.status, c.source, c.promotion_code, c.promotion_status, c.campaign_id, new Date(c.created_at).getTime()]).toEqual([
      c.email, c.referral_code, "active", "admin", c.referral_code, "active", c.template_campaign_id, anchor - COUPONS_ISSUED * DAY,
    ])
  }
  const { rows: [{ issued }] } = await pg.raw("select count(*)::int as issued from distribution_audit_log where action = 'coupon.issue'")
  expect(issued).toBe(COUPON_OWNERS.length)

  const couponOrders = DEMO_ORDERS.filter((o) => o.coupon)
  expect(couponOrders.length).toBe(5)
  const { data: orders } = await query.graph({ entity: "order", fields: ["id", "metadata", "created_at", "customer_id", "promotions.code", "discount_total"] })
  const byKey = new Map(orders.map((o) => [(o.metadata as { demo_order: string }).demo_order, o]))
  const codeOf = new Map(coupons.map((c: { email: string; code: string }) => [c.email, c.code]))
  const { rows: uses } = await pg.raw(
    `select u.order_id, u.created_at, c.code, d.email from distribution_coupon_use u
       join distribution_coupon c on c.id = u.coupon_id join distribution_distributor d on d.id = u.distributor_id`
  )
  const { rows: levelOne } = await pg.raw(
    `select c.order_id, c.attribution, d.email from distribution_commission c join distribution_distributor d on d.id = c.distributor_id where c.depth = 1`
  )
  for (const o of couponOrders) {
    const order = byKey.get(o.key)!
    expect([o.key, (order.promotions ?? []).map((p) => p!.code)]).toEqual([o.key, [codeOf.get(o.coupon!)]])
    expect([o.key, Number(order.discount_total) > 0]).toEqual([o.key, true])
    const use = uses.find((u: { order_id: string }) => u.order_id === order.id)
    expect([o.key, use?.email, use && new Date(use.created_at).getTime()]).toEqual([o.key, o.coupon, anchor - o.placed * DAY])
    const mine = levelOne.filter((r: { order_id: string }) => r.order_id === order.id)
    expect(mine).toHaveLength(o.lines.length)
    const via = EARNERS.via.get(o.key)
    expect([o.key, via, [...new Set(mine.map((r: { attribution: string; email: string }) => `${r.attribution}:${r.email}`))]]).toEqual([
      o.key,
      via,
      [via === "coupon" ? `coupon:${o.coupon}` : `${via}:${EARNERS.result.get(o.key)![0]}`],
    ])
  }
  // Every coupon order in the demo comes from a buyer nothing bound before: its owner earns through the coupon.
  expect(couponOrders.every((o) => EARNERS.via.get(o.key) === "coupon")).toBe(true)
  const { rows: couponBound } = await pg.raw(
    `select cu.email, d.email as owner from distribution_referral_binding b
       join customer cu on cu.id = b.customer_id join distribution_distributor d on d.id = b.distributor_id
      where b.source = 'coupon' order by cu.email collate "C"`
  )
  expect(couponBound).toEqual(
    couponOrders
      .map((o) => ({ email: typeof o.buyer === "string" ? o.buyer : o.buyer.email, owner: o.coupon }))
      .sort((a, b) => (a.email < b.email ? -1 : 1))
  )
}

/**
 * What each order bought in the running sale earned on its sale lines, per
 * depth: the sale's own 8 / 3 / 1 % of the line at the sale price, rounded
 * down to the cent (as many depths as the order has earners).
 */
const SALE_LINE_COMMISSIONS: Record<string, Record<string, string[]>> = {
  "DD-050": { "VEST-L": ["16.57", "6.21", "2.07"] }, // 207.20 (259 − 20 %)
  "DD-051": { "CASH-S": ["38.33", "14.37", "4.79"] }, // 479.20 (599 − 20 %)
  "DD-052": { "VEST-L": ["33.15", "12.43", "4.14"] }, // 2 × 207.20 = 414.40
  "DD-053": { "CASH-S": ["44.03", "16.51", "5.50"] }, // HK$550.40 (688 − 20 %)
}

/**
 * Limited-time sales: one running since three days before the seed's first
 * run and one starting ten days after it, their prices 20 % and 15 % off in
 * both currencies to the cent; each order of the story bought in the running
 * sale at its price (the regular one struck through), its sale lines credited
 * at the sale's own rates to the cent, its other lines as usual.
 */
async function expectSales(container: MedusaContainer) {
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const service = container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
  const { rows: customers } = await pg.raw("select email, created_at from customer")
  const anchor = programmeSeededAt(new Map(customers.map((c: CustomerDTO) => [c.email, c]))).getTime()
  const { rows: variants } = await pg.raw("select id, sku from product_variant where deleted_at is null")
  const skuOf = new Map(variants.map((v: { id: string; sku: string }) => [v.id, v.sku]))

  const sales = await presentSales(container, await service.listDistributionSales({}, { order: { starts_at: "ASC" } }))
  expect(
    sales.map((s) => ({
      name: s.name,
      status: s.status,
      starts_at: new Date(s.starts_at).getTime(),
      ends_at: new Date(s.ends_at).getTime(),
      time_zone: s.time_zone,
      policy: [s.commission_policy, s.rate_bps_1, s.rate_bps_2, s.rate_bps_3],
      prices: s.prices.map((p) => [skuOf.get(p.variant_id), p.currency_code, p.amount, p.regular_amount]).sort(),
    }))
  ).toEqual([
    {
      name: DEMO_SALES[0].name,
      status: "live",
      starts_at: anchor - 3 * DAY,
      ends_at: anchor + 30 * DAY,
      time_zone: "Asia/Shanghai",
      policy: ["rates", 800, 300, 100],
      prices: [
        ["CASH-S", "cny", "479.20", "599.00"],
        ["CASH-S", "hkd", "550.40", "688.00"],
        ["VEST-L", "cny", "207.20", "259.00"],
        ["VEST-L", "hkd", "238.40", "298.00"],
      ],
    },
    {
      name: DEMO_SALES[1].name,
      status: "upcoming",
      starts_at: anchor + 10 * DAY,
      ends_at: anchor + 17 * DAY,
      time_zone: "Asia/Shanghai",
      policy: ["excluded", null, null, null],
      // 368 × 0.85 = 312.80, 423 × 0.85 = 359.55.
      prices: [
        ["HAM-1500", "cny", "312.80", "368.00"],
        ["HAM-1500", "hkd", "359.55", "423.00"],
      ],
    },
  ])

  const saleOrders = DEMO_ORDERS.filter((o) => o.sale)
  expect(saleOrders.map((o) => o.key)).toEqual(Object.keys(SALE_LINE_COMMISSIONS))
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id", "metadata", "items.id", "items.variant_sku", "items.unit_price", "items.compare_at_unit_price"],
  })
  const byKey = new Map(orders.map((o) => [(o.metadata as { demo_order: string }).demo_order, o]))
  const price = (sku: string, currency: string) => sales[0].prices.find((p) => skuOf.get(p.variant_id) === sku && p.currency_code === currency)!
  for (const o of saleOrders) {
    expect(o.sale).toBe(DEMO_SALES[0].name)
    const order = byKey.get(o.key)!
    const { rows } = await pg.raw(
      "select line_item_id, depth, amount::text as amount, rate_source from distribution_commission where order_id = ? order by depth",
      [order.id]
    )
    const earners = EARNERS.result.get(o.key)!.length
    expect(earners).toBeGreaterThan(0)
    for (const item of order.items ?? []) {
      const sku = item!.variant_sku!
      const lines = rows.filter((r: { line_item_id: string }) => r.line_item_id === item!.id)
      const expected = SALE_LINE_COMMISSIONS[o.key][sku]
      if (!expected) {
        // Not in the sale: the regular price and the usual rates.
        expect([o.key, sku, item!.compare_at_unit_price ?? null, lines.map((r: { rate_source: string }) => r.rate_source).includes("sale")]).toEqual([o.key, sku, null, false])
        continue
      }
      const { amount, regular_amount } = price(sku, o.currency)
      expect([o.key, sku, Number(item!.unit_price), Number(item!.compare_at_unit_price)]).toEqual([o.key, sku, Number(amount), Number(regular_amount)])
      expect([o.key, sku, lines.map((r: { depth: number; amount: string; rate_source: string }) => [r.depth, formatAmount(r.amount, o.currency), r.rate_source])]).toEqual([
        o.key,
        sku,
        expected.slice(0, earners).map((a, i) => [i + 1, a, "sale"]),
      ])
    }
  }
}

/**
 * The activities: the 拼团's three groups (succeeded 3/3, open 1/3, failed
 * with its two paid orders canceled and refunded, their commissions
 * reversed), the 秒杀 live all day with 3 of 50 sold, each order at the
 * activity's price, credited at its buyer's upline's rates to the cent.
 */
async function expectActivities(container: MedusaContainer) {
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows: groups } = await pg.raw(
    `select g.id, g.status, count(m.id) filter (where m.status = 'paid')::int as paid,
            array_agg(m.status || ':' || coalesce(m.refund_status, '-') || ':' || o.status || ':' || m.unit_price order by m.is_leader desc, m.created_at) as members
       from distribution_group g join distribution_group_buy gb on gb.id = g.group_buy_id
       join distribution_group_member m on m.group_id = g.id join "order" o on o.id = m.order_id
      where gb.name = ? group by g.id, g.status, g.created_at order by g.created_at`,
    [DEMO_GROUP_BUY.name]
  )
  expect(groups.map((g: { status: string; paid: number; members: string[] }) => [g.status, g.paid, g.members])).toEqual([
    // A failed group's members stay paid; their orders were canceled and refunded.
    ["failed", 2, ["paid:refunded:canceled:59.90", "paid:refunded:canceled:59.90"]],
    ["succeeded", 3, ["paid:-:pending:59.90", "paid:-:pending:59.90", "paid:-:pending:59.90"]],
    ["open", 1, ["paid:-:pending:59.90"]],
  ])

  const { rows: flash } = await pg.raw(
    `select s.status, s.time_zone, s.slots, v.quota, v.sold, v.reserved from distribution_flash_sale s
       join distribution_flash_sale_variant v on v.flash_sale_id = s.id where s.name = ?`,
    [DEMO_FLASH_SALE.name]
  )
  expect(flash).toEqual([
    expect.objectContaining({ time_zone: "Asia/Shanghai", slots: [{ start: "00:00", end: "24:00" }], quota: 50, sold: 3, reserved: 0 }),
  ])

  // Commissions of the activities' orders, per group order (leader first) and flash order: depth, amount, status.
  const { rows: commissions } = await pg.raw(
    `select o.id, coalesce(g.status, 'flash') as kind, c.depth, c.amount::text as amount, c.reversed_amount::text as reversed, c.status
       from "order" o join distribution_commission c on c.order_id = o.id
       left join distribution_group_member m on m.order_id = o.id left join distribution_group g on g.id = m.group_id
      where o.metadata->>'distribution_activity' is not null order by o.created_at, c.depth`
  )
  const lines = commissions.map((c: { kind: string; depth: number; amount: string; reversed: string; status: string }) =>
    `${c.kind} ${c.depth} ${formatAmount(c.amount, "cny")} ${formatAmount(c.reversed, "cny")} ${c.status}`
  )
  expect(lines).toHaveLength(ACTIVITY_BUYS.reduce((n, k) => n + activityEarners(k).length, 0))
  expect(lines).toEqual(ACTIVITY_COMMISSIONS)
}

medusaIntegrationTestRunner({
  testSuite: ({ getContainer }) => {
    it("seeds the demo once: a run after an interruption completes it, a second run duplicates nothing", async () => {
      const container = getContainer()
      const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const counts = async () => (await pg.raw(COUNTS)).rows[0]

      // A run that stopped half-way: the shop, its catalogue and part of the programme.
      const { sales_channel_id } = await seedStore(container)
      const { shipping_profile_id } = await seedFulfillment(container, sales_channel_id)
      await seedCatalog(container, sales_channel_id, shipping_profile_id)
      await seedProgrammeSettings(container)
      await seedLevels(container)
      await seedCustomers(container)
      const partial = await counts()
      expect(partial).toMatchObject({
        products: EXPECTED.products,
        customers: EXPECTED.customers - DEMO_GUESTS.length,
        distributors: 0,
        api_keys: 0,
        orders: 0,
      })

      const first = await seedDemo({ container, args: [] })
      expect(await counts()).toEqual(EXPECTED)
      expect(first.created).toMatchObject({ products: 0, customers: 0, levels: 0, distributors: 40, "coupon templates": 1, coupons: COUPON_OWNERS.length, sales: 2 })
      expect(first.publishable_key).toMatch(/^pk_/)

      // The sizes this test and the README rely on.
      expect(EXPECTED).toMatchObject({ products: 30, categories: 5, collections: 2, distributors: 40, logins: 3, coupons: 26, coupon_uses: 5, orders: 62 })

      const { rows: statuses } = await pg.raw(
        "select status, count(*)::int as n from distribution_distributor group by status order by status"
      )
      const byStatus = (s: string) => count(DISTRIBUTORS, (d) => d.status === s)
      expect(statuses).toEqual(
        ["active", "pending", "rejected", "suspended"].map((status) => ({ status, n: byStatus(status) }))
      )
      expect(statuses.every((s: { n: number }) => s.n > 0)).toBe(true)

      const {
        rows: [tree],
      } = await pg.raw(
        `select max(t.depth)::int as max_depth,
                count(*) filter (where t.depth = 0)::int as founders,
                count(*) filter (where d.parent_id is not null and not exists (
                  select 1 from distribution_referral_binding b
                   where b.customer_id = d.customer_id and b.distributor_id = d.parent_id))::int as unbound_recruits
           from distribution_distributor d join distribution_distributor_tree t on t.id = d.id`
      )
      expect(tree).toEqual({ max_depth: 3, founders: count(DISTRIBUTORS, (d) => !d.parent), unbound_recruits: 0 })
      const { rows: depths } = await pg.raw(
        "select depth, count(*)::int as n from distribution_distributor_tree group by depth order by depth"
      )
      expect(depths.map((r: { depth: number }) => r.depth)).toEqual([0, 1, 2, 3])

      // Admitted distributors have a referral code (suspended ones keep theirs); applicants never admitted have none.
      const { rows: codes } = await pg.raw(
        "select status, count(referral_code)::int as with_code from distribution_distributor group by status order by status"
      )
      expect(codes).toEqual([
        { status: "active", with_code: byStatus("active") },
        { status: "pending", with_code: 0 },
        { status: "rejected", with_code: 0 },
        { status: "suspended", with_code: byStatus("suspended") },
      ])

      const {
        rows: [settings],
      } = await pg.raw("select max_depth, application_mode, currency_code, default_rate_bps_3 from distribution_settings")
      expect(settings).toEqual({ max_depth: 3, application_mode: "review", currency_code: "cny", default_rate_bps_3: 200 })
      await expectDistributorPrices(container)

      await expectActivities(container)
      await expectOrdersAndMoney(container)
      await expectWithdrawals(container)
      await expectProgrammeDates(container)
      await expectCoupons(container)
      await expectSales(container)
      const { rows: [{ rules }] } = await pg.raw(
        "select count(distinct rule_id)::int as rules from distribution_commission where rule_id is not null"
      )
      expect(rules).toBe(RULES.length) // every demo rule earned on some order
      const { rows: [{ ledger: ledgerEntries }] } = await pg.raw("select count(*)::int as ledger from distribution_ledger_entry")

      // An admin edit made after the seed survives the next run.
      await pg.raw("update distribution_settings set freeze_days = 14, updated_at = now()")

      // Orders an interrupted run left unfinished are taken up again step by step: nothing twice.
      const unfinished = DEMO_ORDERS.filter((o) => o.returned || o.refund || o.fate === "canceled").map((o) => o.key)
      await pg.raw(
        `update "order" set metadata = metadata - 'demo_seeded' where metadata->>'demo_order' in (${unfinished.map(() => "?").join(", ")})`,
        unfinished
      )
      const second = await seedDemo({ container, args: [] })
      expect(await counts()).toEqual(EXPECTED)
      expect(Object.values(second.created).every((n) => n === 0)).toBe(true)
      expect((await pg.raw("select count(*)::int as ledger from distribution_ledger_entry")).rows[0].ledger).toBe(ledgerEntries)
      await expectOrdersAndMoney(container)
      await expectWithdrawals(container)
      await expectProgrammeDates(container)
      await expectDistributorPrices(container)
      await expectCoupons(container)
      await expectSales(container)
      await expectActivities(container)
      expect(second.publishable_key).toEqual(first.publishable_key)
      const {
        rows: [after],
      } = await pg.raw("select freeze_days from distribution_settings")
      expect(after.freeze_days).toBe(14)

      // The next day on the same database: the open group's 24 hours ran out while the server was off, the
      // activities' ends draw near. The next boot's seed moves the seed's own clocks forward: the same group
      // open again for a full day, the activities running for 30 more days, and nothing else made or moved.
      const day = 24 * 3600_000
      const shanghaiDate = (at: number) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date(at))
      const demoGroups = async () =>
        (
          await pg.raw(
            `select g.id, g.status, g.expires_at, g.leader_customer_id, g.paid from distribution_group g join distribution_group_buy gb on gb.id = g.group_buy_id
              where gb.name = ? order by g.created_at`,
            [DEMO_GROUP_BUY.name]
          )
        ).rows as { id: string; status: string; expires_at: Date; leader_customer_id: string; paid: number }[]
      const [open] = (await demoGroups()).filter((g) => g.status === "open")
      await pg.raw("update distribution_group set expires_at = now() - interval '1 hour' where id = ?", [open.id])
      await pg.raw("update distribution_group_buy set ends_at = now() + interval '2 days' where name = ?", [DEMO_GROUP_BUY.name])
      await pg.raw("update distribution_flash_sale set ends_on = ? where name = ?", [shanghaiDate(Date.now()), DEMO_FLASH_SALE.name])
      const nextDay = await seedDemo({ container, args: [] })
      const booted = Date.now()
      expect(Object.values(nextDay.created).every((n) => n === 0)).toBe(true)
      expect(nextDay.moved).toEqual({ "group buys": 1, groups: 1, "flash sales": 1 })
      expect(await counts()).toEqual(EXPECTED)
      const moved = (await demoGroups()).find((g) => g.id === open.id)!
      expect(moved).toMatchObject({ status: "open", paid: 1, leader_customer_id: open.leader_customer_id })
      expect(Math.abs(new Date(moved.expires_at).getTime() - (booted + DEMO_GROUP_BUY.hours * 3600_000))).toBeLessThan(60_000)
      const { rows: [gb] } = await pg.raw("select ends_at from distribution_group_buy where name = ?", [DEMO_GROUP_BUY.name])
      expect(Math.abs(new Date(gb.ends_at).getTime() - (booted + 30 * day))).toBeLessThan(60_000)
      const { rows: [flashSale] } = await pg.raw("select ends_on from distribution_flash_sale where name = ?", [DEMO_FLASH_SALE.name])
      expect([shanghaiDate(booted + DEMO_FLASH_SALE.days * day), shanghaiDate(booted + DEMO_FLASH_SALE.days * day - 60_000)]).toContain(flashSale.ends_on)
      await expectActivities(container)
      // Booted again the same day: the clocks stay where they are.
      expect((await seedDemo({ container, args: [] })).moved).toEqual({ "group buys": 0, groups: 0, "flash sales": 0 })

      // The server ran through the deadline: the expiry job failed the group. The next boot
      // opens a new group, led by the seed's buyer through checkout, so the demo again shows one waiting for members.
      await pg.raw("update distribution_group set status = 'failed', failed_at = now() where id = ?", [open.id])
      const reopened = await seedDemo({ container, args: [] })
      expect(reopened.created).toMatchObject({ "activity orders": 1, "group buys": 0 })
      const [fresh] = (await demoGroups()).filter((g) => g.status === "open")
      expect(fresh).toMatchObject({ paid: 1, leader_customer_id: open.leader_customer_id })
      expect(fresh.id).not.toBe(open.id)
      expect(new Date(fresh.expires_at).getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000)
    })
  },
})
