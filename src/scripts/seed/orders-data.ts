/**
 * Six weeks of orders in the demo shop: buyers bound to distributors, guests
 * who came with a referral code in their cart, distributors buying for
 * themselves and walk-ins, in every state an order can be in. Pure data: the
 * orders section (./orders.ts) replays it through Medusa's workflows and the
 * plugin's, and the demo's test derives its expectations from it.
 */

export type DemoOrderFate =
  | "placed"
  | "fulfilled"
  | "shipped"
  | "delivered"
  | "canceled"
  | "returned"
  | "refunded"

export type DemoGuest = { email: string; first_name: string; last_name: string }

export type DemoOrder = {
  /** Natural key, kept in the order's metadata (`demo_order`). */
  key: string
  /** A seeded customer's email (logged in), or a guest checking out by email. */
  buyer: string | DemoGuest
  /** Email of the distributor whose referral code the cart carries. */
  code?: string
  /** Email of the distributor whose coupon (分销商优惠券) the cart applies. */
  coupon?: string
  /** The demo sale (sales.ts) some of its lines were bought in, at the sale's price. */
  sale?: string
  currency: "cny" | "hkd"
  lines: [sku: string, quantity: number][]
  /** Days before the seed's first run the order was placed. */
  placed: number
  fate: DemoOrderFate
  /** A return received, in days after placing. */
  returned?: { after: number; lines: [sku: string, quantity: number][] }
  /** A partial refund, in days after placing. */
  refund?: { after: number; amount: number }
}

/** When an order's later steps happen, in days after it was placed. */
export const LIFECYCLE = { canceled: 0.1, fulfilled: 0.8, shipped: 1, delivered: 3 }

/** The steps each fate goes through, in order. */
export const STEPS: Record<DemoOrderFate, Array<"fulfilled" | "shipped" | "delivered" | "canceled">> = {
  placed: [],
  fulfilled: ["fulfilled"],
  shipped: ["fulfilled", "shipped"],
  delivered: ["fulfilled", "shipped", "delivered"],
  returned: ["fulfilled", "shipped", "delivered"],
  refunded: ["fulfilled", "shipped", "delivered"],
  canceled: ["canceled"],
}

const email = (pinyin: string) => `${pinyin}@example.com`

const GUESTS: Record<string, DemoGuest> = {
  linxiaoyu: { email: "lin.xiaoyu.guest@example.com", first_name: "小雨", last_name: "林" },
  zhoumeng: { email: "zhou.meng.guest@example.com", first_name: "梦", last_name: "周" },
  hewen: { email: "he.wen.guest@example.com", first_name: "文", last_name: "何" },
  chanka: { email: "chan.ka.guest@example.com", first_name: "家怡", last_name: "陳" },
  qianli: { email: "qian.li.guest@example.com", first_name: "莉", last_name: "钱" },
  songyu: { email: "song.yu.guest@example.com", first_name: "雨", last_name: "宋" },
  wuxin: { email: "ng.yan.guest@example.com", first_name: "欣", last_name: "吳" },
  zhengyi: { email: "zheng.yi.guest@example.com", first_name: "毅", last_name: "郑" },
  fangyu: { email: "fang.yu.guest@example.com", first_name: "宇", last_name: "方" },
}

type Spec = [
  key: string,
  buyer: string,
  code: string | null,
  lines: [string, number][],
  placed: number,
  fate: DemoOrderFate,
  extra?: Partial<Pick<DemoOrder, "returned" | "refund" | "currency" | "sale">> & { coupon?: string },
]

/**
 * `buyer` is a seeded customer's pinyin, or `guest:<name>`; `code` the pinyin
 * of the distributor whose code is in the cart, `coupon` (in extra) the pinyin
 * of the distributor whose coupon the cart applies. Self-purchases are
 * distributors buying (the demo programme pays 自购返佣).
 */
const SPECS: Spec[] = [
  // Settled long ago.
  ["DD-001", "su.qing", null, [["SERUM-30", 2], ["MASK-10", 1]], 41.4, "delivered"],
  ["DD-002", "lu.bin", null, [["MILK3-3", 1]], 40.2, "delivered"],
  ["DD-003", "guest:linxiaoyu", "zhang.wei", [["LONGJING-1", 1]], 38.6, "delivered"],
  ["DD-004", "jiang.dan", null, [["DIAPER-L", 2], ["WIPES-6", 2]], 37.3, "returned", { returned: { after: 19, lines: [["DIAPER-L", 1]] } }],
  ["DD-005", "zhang.wei", null, [["HAM-1500", 1]], 36.5, "delivered"],
  ["DD-006", "cai.peng", null, [["PY-STD", 1]], 35.2, "delivered"],
  ["DD-007", "jia.hui", null, [["CASH-M", 1], ["SCARF-BLUE", 1]], 34.1, "delivered"],
  ["DD-008", "ding.kai", null, [["RICE-10", 2]], 33.7, "canceled"],
  ["DD-009", "wei.ran", null, [["IELTS-W", 1]], 31.4, "delivered"],
  ["DD-010", "demo", null, [["SERUM-50", 1], ["SUN-60", 2]], 30.2, "returned", { returned: { after: 15, lines: [["SUN-60", 1]] } }],
  ["DD-011", "xue.bing", null, [["PUER-357", 2]], 28.8, "delivered"],
  ["DD-012", "guest:chanka", "wang.fang", [["CREAM-50", 1], ["LIP-3", 2]], 27.6, "delivered", { currency: "hkd" }],
  ["DD-013", "ye.qian", null, [["BOOKS-10", 1], ["BOTTLE-240", 1]], 26.3, "refunded", { refund: { after: 16, amount: 50 } }],
  ["DD-014", "hu.jun", null, [["CARRIER-OAT", 1]], 25.1, "delivered"],
  ["DD-015", "yan.fei", null, [["TOTE-IVORY", 3]], 23.9, "delivered"],
  ["DD-016", "dai.wei", null, [["SOCKS-5", 2], ["HOTPOT-M", 4]], 22.5, "delivered"],
  ["DD-017", "yu.wei", null, [["MONEY-101", 1], ["PHOTO-101", 1]], 21.2, "delivered"],
  ["DD-018", "pan.lei", null, [["DATES-1", 3]], 20.4, "canceled"],
  ["DD-019", "du.juan", "guo.xue", [["EAR-925", 1], ["HAIRPIN-1", 1]], 19.3, "delivered"],
  ["DD-020", "su.qing", null, [["MASK-30", 1]], 18.1, "delivered"],
  ["DD-021", "chen.jing", null, [["SCRATCH-48", 1]], 16.6, "delivered"],
  ["DD-022", "lu.bin", null, [["DIAPER-M", 3]], 14.8, "delivered"],
  ["DD-023", "guest:zhoumeng", "zhang.wei", [["VEST-M", 1], ["SOCKS-5", 1]], 13.5, "delivered"],
  ["DD-024", "demo", null, [["CLEAN-120", 2]], 12.2, "delivered"],
  ["DD-025", "jiang.dan", null, [["MILK3-1", 2]], 11.4, "delivered"],
  ["DD-026", "xue.bing", null, [["LONGJING-S", 1]], 10.6, "canceled"],
  // Delivered, freeze period still running.
  ["DD-027", "cai.peng", null, [["PY-PRO", 1]], 9.3, "delivered"],
  ["DD-028", "jia.hui", null, [["SERUM-30", 1]], 8.7, "delivered", { currency: "hkd" }],
  ["DD-029", "wei.ran", null, [["RICE-5", 2], ["HOTPOT-H", 2]], 8.1, "returned", { returned: { after: 4.5, lines: [["HOTPOT-H", 1]] } }],
  ["DD-030", "zhang.wei", null, [["MASK-10", 2]], 7.4, "delivered"],
  ["DD-031", "ding.kai", null, [["CASH-L", 1]], 6.8, "delivered"],
  ["DD-032", "guest:hewen", "guo.xue", [["BOOKS-10", 1]], 6.1, "delivered"],
  ["DD-033", "ye.qian", null, [["CARRIER-BLUE", 1]], 5.6, "refunded", { refund: { after: 4, amount: 30 } }],
  ["DD-034", "yu.wei", null, [["SCARF-PINK", 2]], 4.9, "delivered"],
  ["DD-035", "demo", null, [["SERUM-30", 1], ["MASK-10", 1]], 4.2, "delivered"],
  // On their way.
  ["DD-036", "su.qing", null, [["HAM-1500", 1]], 3.4, "shipped"],
  ["DD-037", "hu.jun", null, [["PHOTO-101", 1]], 2.9, "shipped"],
  ["DD-038", "pan.lei", null, [["WIPES-6", 4]], 2.3, "shipped"],
  ["DD-039", "lu.bin", null, [["DIAPER-XL", 2]], 1.9, "fulfilled"],
  ["DD-040", "yan.fei", null, [["TOTE-BLACK", 2]], 1.6, "fulfilled"],
  ["DD-041", "jiang.dan", null, [["SUN-60", 1]], 1.2, "canceled"],
  ["DD-042", "wei.ran", null, [["LONGJING-1", 1]], 0.8, "placed"],
  ["DD-043", "guest:linxiaoyu", "zhang.wei", [["PUER-357", 1]], 0.5, "placed"],
  ["DD-044", "chen.jing", null, [["SERUM-50", 2]], 0.2, "placed"],
  // Checked out with a distributor's coupon (10 % off, once per customer), since the coupons came out two weeks ago.
  ["DD-045", "guest:fangyu", null, [["HOTPOT-M", 2], ["DATES-1", 1]], 11.3, "delivered", { coupon: "wang.fang" }],
  ["DD-046", "guest:qianli", null, [["SERUM-30", 1]], 7.9, "delivered", { coupon: "zhang.wei" }],
  ["DD-047", "guest:songyu", null, [["CASH-M", 1]], 5.2, "delivered", { coupon: "hu.jun" }],
  ["DD-048", "guest:wuxin", null, [["LIP-3", 2]], 3.1, "shipped", { coupon: "chen.jing", currency: "hkd" }],
  ["DD-049", "guest:zhengyi", null, [["RICE-5", 1], ["LONGJING-1", 1]], 1.4, "placed", { coupon: "zhang.wei" }],
  // Bought in the winter sale (20 % off the vest in L and the sweater in S, its own rates 8 / 3 / 1 %), running since three days ago.
  ["DD-050", "su.qing", null, [["VEST-L", 1]], 2.7, "shipped", { sale: "冬装限时折扣" }],
  ["DD-051", "ding.kai", null, [["CASH-S", 1], ["SOCKS-5", 2]], 1.8, "fulfilled", { sale: "冬装限时折扣" }],
  ["DD-052", "yu.wei", null, [["VEST-L", 2]], 0.6, "placed", { sale: "冬装限时折扣" }],
  ["DD-053", "jia.hui", null, [["CASH-S", 1]], 0.3, "placed", { sale: "冬装限时折扣", currency: "hkd" }],
]

export const DEMO_ORDERS: DemoOrder[] = SPECS.map(([key, buyer, code, lines, placed, fate, extra]) => ({
  key,
  buyer: buyer.startsWith("guest:") ? GUESTS[buyer.slice(6)] : buyer === "demo" ? "demo@example.com" : email(buyer),
  code: code ? email(code) : undefined,
  coupon: extra?.coupon ? email(extra.coupon) : undefined,
  sale: extra?.sale,
  currency: extra?.currency ?? "cny",
  lines,
  placed,
  fate,
  returned: extra?.returned,
  refund: extra?.refund,
}))

/** Guests check out by email: Medusa keeps each as a customer without an account. */
export const DEMO_GUESTS = Object.values(GUESTS)
