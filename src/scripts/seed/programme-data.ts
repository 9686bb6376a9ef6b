/**
 * The demo programme: three levels and a tree of 40 distributors four
 * generations deep (depth 0..3) in every status, plus buyers bound to them.
 * Pure data: the seed sections in ./programme.ts read it.
 */
import type { DistributionSettingsInput } from "../../modules/distribution/types"
import { DEMO_ORDERS } from "./orders-data"

export const DEMO_PASSWORD = "supersecret"

/** Applied once, on a programme whose settings nobody has edited yet. */
export const DEMO_SETTINGS: Partial<DistributionSettingsInput> = {
  enabled: true,
  application_mode: "review",
  max_depth: 3,
  currency_code: "cny",
  // 自购返佣: a distributor's own purchases earn it the level-1 commission.
  self_purchase: true,
  binding_mode: "first_touch",
  binding_days: 0,
  settle_on: "delivered",
  freeze_days: 7,
  order_cap_bps: 3000,
  min_withdrawal: 100,
  default_rate_bps_1: 1000,
  default_rate_bps_2: 500,
  default_rate_bps_3: 200,
  // 分销价: active distributors in the Distributors group and their level's (a price list points at it).
  distributor_group_mode: "per_level",
}

export type DemoLevel = {
  name: string
  description: string
  rank: number
  rate_bps_1: number
  rate_bps_2: number
  rate_bps_3: number
  upgrade_personal_sales?: number
  upgrade_team_sales?: number
  upgrade_direct_recruits?: number
  upgrade_orders?: number
  is_default: boolean
}

export const LEVELS: DemoLevel[] = [
  {
    name: "铜牌分销商",
    description: "审核通过即为铜牌",
    rank: 1,
    rate_bps_1: 1000,
    rate_bps_2: 500,
    rate_bps_3: 200,
    is_default: true,
  },
  {
    name: "银牌分销商",
    description: "个人销售满 5000 元且直推 5 人",
    rank: 2,
    rate_bps_1: 1200,
    rate_bps_2: 600,
    rate_bps_3: 300,
    upgrade_personal_sales: 5000,
    upgrade_direct_recruits: 5,
    is_default: false,
  },
  {
    name: "金牌分销商",
    description: "团队销售满 5 万元、直推 20 人、订单 200 笔",
    rank: 3,
    rate_bps_1: 1500,
    rate_bps_2: 800,
    rate_bps_3: 400,
    upgrade_team_sales: 50000,
    upgrade_direct_recruits: 20,
    upgrade_orders: 200,
    is_default: false,
  },
]

export type DemoPerson = {
  email: string
  first_name: string
  last_name: string
  phone: string
  /** Gets an emailpass login with DEMO_PASSWORD. */
  login?: boolean
}

export type DemoStatus = "active" | "pending" | "rejected" | "suspended"

export type DemoDistributor = DemoPerson & {
  /** The parent's email; null for a founder. */
  parent: string | null
  status: DemoStatus
  /** Level rank (1..3); applicants never admitted have none. */
  level?: number
  /** Why they applied (stored encrypted with the application). */
  reason: string
  /** The admin's reason for a rejection or a suspension. */
  decision_reason?: string
  /** Visits through their links to seed (one visitor a day each). */
  visits: number
  /**
   * The story's dates, in days before the seed's first run (like the orders'
   * `placed`): the application, the admin's approval or rejection, a suspension.
   */
  applied: number
  reviewed?: number
  suspended?: number
}

export type DemoBuyer = DemoPerson & {
  referrer: string | null
  source: "link" | "code" | "qr"
  /** When it came through its referrer, in days before the seed's first run. */
  bound?: number
}

const person = (last_name: string, first_name: string, pinyin: string, n: number): DemoPerson => ({
  email: `${pinyin}@example.com`,
  first_name,
  last_name,
  // Deterministic, well-formed mainland mobile numbers.
  phone: `1${["38", "39", "58", "86", "77"][n % 5]}${String(20000000 + n * 7919).slice(-8)}`,
})

const REASONS = [
  "宝妈社群团长，想给群里的姐妹推荐靠谱好物",
  "平时在朋友圈分享护肤心得，粉丝常问链接",
  "家里做地方特产，想多一个销售渠道",
  "培训机构老师，学员常找我推荐课程",
  "小红书穿搭博主，想把种草变成收入",
  "社区便利店店主，熟客多",
]

/**
 * The tree, parents before their children. Founders are depth 0; pending and
 * rejected applicants are leaves, as in a real programme; one founder and a few
 * others are suspended (they keep their place and team, and earn nothing).
 */
const TREE: Array<[last: string, first: string, pinyin: string, parent: number | null, status: DemoStatus, level?: number, visits?: number]> = [
  ["张", "伟", "zhang.wei", null, "active", 3, 40], // 0 founder
  ["王", "芳", "wang.fang", null, "active", 2, 25], // 1 founder
  ["李", "娜", "li.na", null, "active", 1, 12], // 2 founder
  ["刘", "洋", "liu.yang", null, "suspended", 1, 3], // 3 founder
  ["陈", "静", "chen.jing", 0, "active", 2, 18], // 4 depth 1
  ["杨", "磊", "yang.lei", 0, "active", 1, 10], // 5
  ["黄", "敏", "huang.min", 0, "active", 1, 6], // 6
  ["赵", "丽", "zhao.li", 0, "pending"], // 7
  ["吴", "强", "wu.qiang", 1, "active", 1, 9], // 8
  ["周", "杰", "zhou.jie", 1, "active", 1, 4], // 9
  ["徐", "婷", "xu.ting", 1, "rejected"], // 10
  ["孙", "浩", "sun.hao", 2, "active", 1, 5], // 11
  ["马", "超", "ma.chao", 2, "suspended", 1, 2], // 12
  ["朱", "琳", "zhu.lin", 3, "active", 1, 2], // 13
  ["胡", "军", "hu.jun", 4, "active", 1, 8], // 14 depth 2
  ["郭", "雪", "guo.xue", 4, "active", 1, 6], // 15
  ["何", "欣", "he.xin", 4, "pending"], // 16
  ["高", "宇", "gao.yu", 5, "active", 1, 3], // 17
  ["林", "佳", "lin.jia", 5, "rejected"], // 18
  ["罗", "勇", "luo.yong", 6, "active", 1, 2], // 19
  ["梁", "晨", "liang.chen", 8, "active", 1, 4], // 20
  ["宋", "涛", "song.tao", 8, "pending"], // 21
  ["郑", "艳", "zheng.yan", 9, "active", 1, 1], // 22
  ["谢", "明", "xie.ming", 11, "active", 1, 3], // 23
  ["韩", "梅", "han.mei", 11, "pending"], // 24
  ["唐", "诗雨", "tang.shiyu", 13, "active", 1, 1], // 25
  ["冯", "子涵", "feng.zihan", 14, "active", 1, 3], // 26 depth 3
  ["于", "晓东", "yu.xiaodong", 14, "active", 1, 2], // 27
  ["董", "雨桐", "dong.yutong", 14, "pending"], // 28
  ["萧", "文博", "xiao.wenbo", 15, "active", 1, 2], // 29
  ["程", "俊杰", "cheng.junjie", 15, "suspended", 1, 0], // 30
  ["曹", "嘉怡", "cao.jiayi", 17, "active", 1, 1], // 31
  ["袁", "昊然", "yuan.haoran", 17, "rejected"], // 32
  ["邓", "若曦", "deng.ruoxi", 20, "active", 1, 2], // 33
  ["许", "子墨", "xu.zimo", 20, "pending"], // 34
  ["傅", "安琪", "fu.anqi", 22, "active", 1, 1], // 35
  ["沈", "思远", "shen.siyuan", 23, "active", 1, 1], // 36
  ["曾", "一诺", "zeng.yinuo", 23, "rejected"], // 37
  ["彭", "梓萱", "peng.zixuan", 25, "pending"], // 38
  ["吕", "秀英", "lv.xiuying", 19, "active", 1, 1], // 39
]

/** Who has a storefront login besides demo@example.com. */
const WITH_LOGIN = new Set(["zhang.wei", "hu.jun"])

const depthOf = (i: number): number => (TREE[i][3] === null ? 0 : depthOf(TREE[i][3]!) + 1)

/**
 * When each distributor applied and was decided on, in days before the seed's
 * first run. The founders applied about ten weeks before it, each generation of
 * recruits about eight days after the one above (so after its parent's
 * approval), all approved a day or two after applying and before the first
 * order, six weeks before the seed; the applications still waiting came in over
 * the last week; suspensions came about two weeks before the seed.
 */
function storyOf(i: number, status: DemoStatus) {
  if (status === "pending") {
    return { applied: 1 + (i % 6) + (i % 7) / 10 }
  }
  const applied = 70 - 8 * depthOf(i) - (i % 5) - (i % 7) / 10
  const reviewed = applied - 1 - (i % 3) / 2
  return { applied, reviewed, ...(status === "suspended" && { suspended: 10 + (i % 4) }) }
}

export const DISTRIBUTORS: DemoDistributor[] = TREE.map(
  ([last, first, pinyin, parent, status, level, visits], i) => ({
    ...person(last, first, pinyin, i),
    ...storyOf(i, status),
    login: WITH_LOGIN.has(pinyin),
    parent: parent === null ? null : `${TREE[parent][2]}@example.com`,
    status,
    level,
    reason: REASONS[i % REASONS.length],
    decision_reason:
      status === "rejected"
        ? "资料不完整：请补充真实姓名与手机号后重新申请"
        : status === "suspended"
          ? "违规推广（刷单），暂停推广资格"
          : undefined,
    visits: visits ?? 0,
  })
)

const BUYER_NAMES: Array<[last: string, first: string, pinyin: string, referrer: number | null]> = [
  ["苏", "晴", "su.qing", 0],
  ["卢", "斌", "lu.bin", 4],
  ["蒋", "丹", "jiang.dan", 14],
  ["蔡", "鹏", "cai.peng", 26],
  ["贾", "慧", "jia.hui", 1],
  ["丁", "凯", "ding.kai", 8],
  ["魏", "然", "wei.ran", 20],
  ["薛", "冰", "xue.bing", 2],
  ["叶", "倩", "ye.qian", 11],
  ["阎", "飞", "yan.fei", 5],
  ["余", "薇", "yu.wei", 17],
  ["潘", "磊", "pan.lei", 6],
  ["杜", "鹃", "du.juan", null],
  ["戴", "维", "dai.wei", null],
]

/** A referred buyer came halfway between its referrer's approval and its own first order. */
function boundOf(buyer: DemoBuyer): DemoBuyer {
  const referrer = DISTRIBUTORS.find((d) => d.email === buyer.referrer)
  if (referrer?.reviewed === undefined) {
    return buyer
  }
  const firstOrder = Math.max(0, ...DEMO_ORDERS.filter((o) => o.buyer === buyer.email).map((o) => o.placed))
  return { ...buyer, bound: (referrer.reviewed + firstOrder) / 2 }
}

/** Buyers bound to distributors (and two walk-ins), plus the storefront demo login. */
export const BUYERS: DemoBuyer[] = [
  {
    email: "demo@example.com",
    first_name: "小美",
    last_name: "陈",
    phone: "13700000000",
    login: true,
    referrer: DISTRIBUTORS[4].email,
    source: "link" as const,
  },
  ...BUYER_NAMES.map(([last, first, pinyin, referrer], k) => ({
    ...person(last, first, pinyin, 100 + k),
    referrer: referrer === null ? null : DISTRIBUTORS[referrer].email,
    source: (["link", "qr", "code"] as const)[k % 3],
  })),
].map(boundOf)

/** The demo's distributor login (a founder at the gold level). */
export const DEMO_DISTRIBUTOR_EMAIL = DISTRIBUTORS[0].email
/** The demo's storefront buyer login (bound to 陈静). */
export const DEMO_BUYER_EMAIL = "demo@example.com"
