/**
 * The demo programme: three levels and a tree of 40 distributors four
 * generations deep, in every status, plus buyers bound to them.
 */
export const DEMO_PASSWORD = "supersecret"
/** Fixed dates keep the seed idempotent whatever day it runs. */
export const VISIT_ANCHOR = new Date("2026-11-01T10:00:00.000Z")

export const LEVELS = [
  { name: "铜牌分销商", rank: 1, rate_bps_1: 1000, rate_bps_2: 500, rate_bps_3: 200, is_default: true, description: "加入即是铜牌" },
  {
    name: "银牌分销商",
    rank: 2,
    rate_bps_1: 1200,
    rate_bps_2: 600,
    rate_bps_3: 300,
    upgrade_personal_sales: 5000,
    upgrade_direct_recruits: 5,
    is_default: false,
    description: "个人销售满 5000 元且直推 5 人",
  },
  {
    name: "金牌分销商",
    rank: 3,
    rate_bps_1: 1500,
    rate_bps_2: 800,
    rate_bps_3: 400,
    upgrade_team_sales: 50000,
    upgrade_direct_recruits: 20,
    upgrade_orders: 200,
    is_default: false,
    description: "团队销售满 5 万元、直推 20 人、订单 200 笔",
  },
]

export type DemoPerson = {
  email: string
  first_name: string
  last_name: string
  phone: string
  login?: boolean
}
export type DemoDistributor = DemoPerson & {
  parent: string | null
  status: "active" | "pending" | "rejected" | "suspended"
  level?: number
  reason: string
  reason_for_decision?: string
  visits?: number
}
export type DemoBuyer = DemoPerson & { referrer: string | null; source?: "link" | "code" | "qr" }

const SURNAMES = ["张", "王", "李", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"]
const GIVEN = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "晨", "婷", "浩", "雪", "琳", "宇", "欣", "佳", "子涵", "梓萱", "一诺", "思远", "雨桐", "俊杰", "晓东", "文博", "嘉怡", "诗雨", "昊然", "若曦", "子墨", "安琪"]
const PINYIN: Record<string, string> = {
  张: "zhang", 王: "wang", 李: "li", 刘: "liu", 陈: "chen", 杨: "yang", 黄: "huang", 赵: "zhao", 吴: "wu", 周: "zhou",
  徐: "xu", 孙: "sun", 马: "ma", 朱: "zhu", 胡: "hu", 郭: "guo", 何: "he", 高: "gao", 林: "lin", 罗: "luo",
}

function person(i: number): DemoPerson {
  const last = SURNAMES[i % SURNAMES.length]
  const first = GIVEN[i % GIVEN.length]
  return {
    email: `${PINYIN[last]}.${i + 1}@example.com`,
    first_name: first,
    last_name: last,
    phone: `139${String(10000000 + i * 7919).slice(-8)}`,
  }
}

const REASONS = ["宝妈社群团长，想给群友推荐好物", "朋友圈分享护肤心得", "做家乡特产，想多一个渠道", "培训机构老师，推荐课程", "小红书穿搭博主"]

/**
 * Shape: 4 founders (depth 0), each active founder recruits, their recruits
 * recruit, down to depth 3. Pending and rejected applicants are leaves, as
 * they are in a real programme; one founder and a few others are suspended.
 */
const TREE: { parent: number | null; status: DemoDistributor["status"]; level?: number; visits?: number }[] = [
  { parent: null, status: "active", level: 3, visits: 40 }, // 0 founder
  { parent: null, status: "active", level: 2, visits: 25 }, // 1 founder
  { parent: null, status: "active", level: 1, visits: 12 }, // 2 founder
  { parent: null, status: "suspended", level: 1, visits: 3 }, // 3 founder, suspended
  { parent: 0, status: "active", level: 2, visits: 18 }, // 4
  { parent: 0, status: "active", level: 1, visits: 10 }, // 5
  { parent: 0, status: "active", level: 1, visits: 6 }, // 6
  { parent: 0, status: "pending" }, // 7
  { parent: 1, status: "active", level: 1, visits: 9 }, // 8
  { parent: 1, status: "active", level: 1, visits: 4 }, // 9
  { parent: 1, status: "rejected" }, // 10
  { parent: 2, status: "active", level: 1, visits: 5 }, // 11
  { parent: 2, status: "suspended", level: 1, visits: 2 }, // 12
  { parent: 3, status: "active", level: 1, visits: 2 }, // 13
  { parent: 4, status: "active", level: 1, visits: 8 }, // 14
  { parent: 4, status: "active", level: 1, visits: 6 }, // 15
  { parent: 4, status: "pending" }, // 16
  { parent: 5, status: "active", level: 1, visits: 3 }, // 17
  { parent: 5, status: "rejected" }, // 18
  { parent: 6, status: "active", level: 1, visits: 2 }, // 19
  { parent: 8, status: "active", level: 1, visits: 4 }, // 20
  { parent: 8, status: "pending" }, // 21
  { parent: 9, status: "active", level: 1, visits: 1 }, // 22
  { parent: 11, status: "active", level: 1, visits: 3 }, // 23
  { parent: 11, status: "pending" }, // 24
  { parent: 13, status: "active", level: 1, visits: 1 }, // 25
  { parent: 14, status: "active", level: 1, visits: 3 }, // 26 depth 3
  { parent: 14, status: "active", level: 1, visits: 2 }, // 27 depth 3
  { parent: 14, status: "pending" }, // 28 depth 3
  { parent: 15, status: "active", level: 1, visits: 2 }, // 29 depth 3
  { parent: 15, status: "suspended", level: 1 }, // 30 depth 3
  { parent: 17, status: "active", level: 1, visits: 1 }, // 31 depth 3
  { parent: 17, status: "rejected" }, // 32 depth 3
  { parent: 20, status: "active", level: 1, visits: 2 }, // 33 depth 3
  { parent: 20, status: "pending" }, // 34 depth 3
  { parent: 22, status: "active", level: 1, visits: 1 }, // 35 depth 3
  { parent: 23, status: "active", level: 1, visits: 1 }, // 36 depth 3
  { parent: 23, status: "rejected" }, // 37 depth 3
  { parent: 25, status: "pending" }, // 38 depth 3
  { parent: 19, status: "active", level: 1, visits: 1 }, // 39 depth 3
]

export const DISTRIBUTORS: DemoDistributor[] = TREE.map((node, i) => ({
  ...person(i),
  login: i === 0 || i === 14,
  parent: node.parent === null ? null : person(node.parent).email,
  status: node.status,
  level: node.level,
  visits: node.visits,
  reason: REASONS[i % REASONS.length],
  reason_for_decision:
    node.status === "rejected" ? "资料不完整，请补充真实姓名与手机号" : node.status === "suspended" ? "违规刷单，暂停推广资格" : undefined,
}))

/** Buyers bound to distributors (and two walk-ins), plus the storefront demo login. */
export const BUYERS: DemoBuyer[] = [
  { email: "demo@example.com", first_name: "演示", last_name: "顾客", phone: "13700000000", login: true, referrer: DISTRIBUTORS[4].email, source: "link" },
  ...Array.from({ length: 14 }, (_, k) => {
    const p = person(100 + k)
    const referrers = [0, 4, 14, 26, 1, 8, 20, 2, 11, 5, 17, 6]
    return {
      ...p,
      email: `buyer.${k + 1}@example.com`,
      referrer: k < 12 ? DISTRIBUTORS[referrers[k]].email : null,
      source: (["link", "qr", "code"] as const)[k % 3],
    }
  }),
]
