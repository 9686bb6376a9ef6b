import { translate } from "../lib/texts"

describe("the portal's texts", () => {
  it("pick the English singular for one and the plural otherwise", () => {
    expect(translate("en", "team.members", { n: 1 })).toBe("1 member")
    expect(translate("en", "team.members", { n: 0 })).toBe("0 members")
    expect(translate("en", "team.members", { n: 12 })).toBe("12 members")
    expect(translate("en", "groups.seatsLeft", { n: 1 })).toBe("1 seat left")
    expect(translate("en", "home.orders", { n: 2 })).toBe("2 orders")
  })

  it("fill Chinese texts as written, with no plural forms", () => {
    expect(translate("zh-CN", "team.members", { n: 1 })).toBe("1 人")
    expect(translate("zh-CN", "groups.seatsLeft", { n: 2 })).toBe("还差 2 人")
  })

  it("fill every variable, and leave a missing one visible", () => {
    expect(translate("en", "flash.remaining", { left: 3, quota: 10 })).toBe("3 of 10 left")
    expect(translate("en", "flash.remaining", { left: 3 })).toBe("3 of {quota} left")
  })
})
