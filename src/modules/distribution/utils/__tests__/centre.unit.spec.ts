import fc from "fast-check"
import { nextLevelProgress } from "../centre"
import { formatPrice, wrapTitle } from "../poster"
import { referralUrl } from "../referral-link"

describe("nextLevelProgress", () => {
  const levels = [
    { id: "bronze", name: "铜牌", rank: 1, upgrade_personal_sales: null, upgrade_team_sales: null, upgrade_direct_recruits: null, upgrade_orders: null },
    { id: "silver", name: "银牌", rank: 2, upgrade_personal_sales: 500, upgrade_team_sales: null, upgrade_direct_recruits: 3, upgrade_orders: null },
    { id: "gold", name: "金牌", rank: 3, upgrade_personal_sales: 5000, upgrade_team_sales: 20000, upgrade_direct_recruits: null, upgrade_orders: 10 },
    { id: "vip", name: "VIP", rank: 4, upgrade_personal_sales: null, upgrade_team_sales: null, upgrade_direct_recruits: null, upgrade_orders: null },
  ]
  const stats = { rank: 1, personal_sales: "586.70000000", team_sales: "1000", direct_count: 2, orders: 4 }

  it("measures the next level's own thresholds only, sales as amounts of the programme's currency", () => {
    expect(nextLevelProgress(stats, levels, "cny")).toEqual({
      level: { id: "silver", name: "银牌", rank: 2 },
      thresholds: [
        { metric: "personal_sales", current: "586.70", target: "500.00", met: true },
        { metric: "direct_recruits", current: "2", target: "3", met: false },
      ],
      reached: false,
    })
  })

  it("skips levels without thresholds (never reached automatically) and ends at the top", () => {
    expect(nextLevelProgress({ ...stats, rank: 2 }, levels, "cny")?.level.id).toBe("gold")
    expect(nextLevelProgress({ ...stats, rank: 3 }, levels, "cny")).toBeNull()
  })

  it("is reached when every threshold is met, as the upgrade requires", () => {
    expect(nextLevelProgress({ ...stats, direct_count: 3 }, levels, "cny")?.reached).toBe(true)
  })
})

describe("referralUrl", () => {
  it("joins the store URL and the path, keeps query and fragment, and sets ref once", () => {
    expect(referralUrl("https://shop.example.com", "/products/tea?size=250g&ref=OTHER#reviews", "AB3CD4E")).toBe(
      "https://shop.example.com/products/tea?size=250g&ref=AB3CD4E#reviews"
    )
    expect(referralUrl("https://shop.example.com/cn/", "/", "AB3CD4E")).toBe("https://shop.example.com/cn/?ref=AB3CD4E")
    expect(referralUrl("http://localhost:8000", "/搜索?q=茶", "AB3CD4E")).toBe(
      "http://localhost:8000/%E6%90%9C%E7%B4%A2?q=%E8%8C%B6&ref=AB3CD4E"
    )
  })

  it("refuses absolute and protocol-relative URLs", () => {
    for (const path of ["https://evil.example", "//evil.example/x", "/\\evil.example", "products"]) {
      expect(() => referralUrl("https://shop.example.com", path, "AB3CD4E")).toThrow("path must be a path on the store")
    }
  })

  it("always stays on the store's origin", () => {
    fc.assert(
      fc.property(fc.string(), (tail) => {
        const path = `/${tail}`
        if (path.startsWith("//") || path.startsWith("/\\")) return
        expect(new URL(referralUrl("https://shop.example.com", path, "AB3CD4E")).origin).toBe("https://shop.example.com")
      })
    )
  })
})

describe("poster text", () => {
  it("formats prices rounded down to the currency's unit", () => {
    expect(formatPrice(129.9, "cny")).toBe("CNY 129.90")
    expect(formatPrice("1999.999", "usd")).toBe("USD 1999.99")
    expect(formatPrice(1500, "jpy")).toBe("JPY 1500")
  })

  it("wraps titles by display width and ellipsises after three lines", () => {
    expect(wrapTitle("玻尿酸补水精华液 30ml", 16)).toEqual(["玻尿酸补水精华液", " 30ml"])
    const long = wrapTitle("很".repeat(100), 10)
    expect(long).toHaveLength(3)
    expect(long[2].endsWith("…")).toBe(true)
  })
})
