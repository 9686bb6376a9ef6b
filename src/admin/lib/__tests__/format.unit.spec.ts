import { formatMoney, localeOf } from "../format"

describe("money in the admin", () => {
  it("tells HKD from USD and CNY from JPY, in English and in Chinese", () => {
    expect(formatMoney("en", "238.40", "hkd")).toBe("HK$238.40")
    expect(formatMoney("en", "207.20", "cny")).toBe("CN¥207.20")
    expect(formatMoney("en", "12.50", "usd")).toBe("$12.50")
    expect(formatMoney("en", "1250", "jpy")).toBe("¥1,250")
    expect(formatMoney(localeOf("zhCN"), "238.40", "hkd")).toBe("HK$238.40")
    expect(formatMoney(localeOf("zhCN"), "207.20", "cny")).toBe("¥207.20")
    expect(formatMoney(localeOf("zhCN"), "12.50", "usd")).toBe("US$12.50")
    expect(formatMoney(localeOf("zhCN"), "1250", "jpy")).toBe("JP¥1,250")
  })

  it("formats the decimal string digit for digit: no float rounding of large amounts", () => {
    expect(formatMoney("en", "12345678901234.56", "hkd")).toBe("HK$12,345,678,901,234.56")
    expect(formatMoney("en", "0.01", "cny")).toBe("CN¥0.01")
  })
})
