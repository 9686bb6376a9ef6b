import { atLeast, fromMinor, precisionOf, toMinor, withdrawalFeePreview } from "../lib/fee"
import { formatBps, formatMoney, toAmount } from "../lib/money"

describe("the portal's withdrawal fee preview", () => {
  it("rounds the net down to the cent and leaves the rest as the fee, as the server does", () => {
    expect(withdrawalFeePreview("100", 150, 2)).toEqual({ fee: "1.50", net: "98.50" })
    expect(withdrawalFeePreview("100.01", 150, 2)).toEqual({ fee: "1.51", net: "98.50" })
    expect(withdrawalFeePreview("123.45", 0, 2)).toEqual({ fee: "0.00", net: "123.45" })
    expect(withdrawalFeePreview("999", 333, 0)).toEqual({ fee: "34", net: "965" })
    expect(withdrawalFeePreview("0.07", 5000, 2)).toEqual({ fee: "0.04", net: "0.03" })
  })

  it("refuses what is not a plain amount of the currency", () => {
    expect(withdrawalFeePreview("1.005", 100, 2)).toBeNull()
    expect(withdrawalFeePreview("-5", 100, 2)).toBeNull()
    expect(withdrawalFeePreview("1e3", 100, 2)).toBeNull()
    expect(withdrawalFeePreview("", 100, 2)).toBeNull()
  })

  it("reads precision off the API's amounts and compares in minor units", () => {
    expect(precisionOf("100.00")).toBe(2)
    expect(precisionOf("1250")).toBe(0)
    expect(toMinor("12.3", 2)).toBe(BigInt(1230))
    expect(fromMinor(BigInt(5), 2)).toBe("0.05")
    expect(atLeast("100", "100.00", 2)).toBe(true)
    expect(atLeast("99.99", "100.00", 2)).toBe(false)
  })

  it("formats amounts with the symbol, never through a float", () => {
    expect(formatMoney("1234567.89", "cny", "en")).toBe("CN¥1,234,567.89")
    expect(formatMoney("-3.10", "usd", "en")).toBe("-$3.10")
    expect(formatMoney("12.50", "hkd", "en")).toBe("HK$12.50")
    expect(formatMoney("90071992547409.93", "cny", "zh-CN")).toBe("¥90,071,992,547,409.93")
    expect(formatMoney("1250", "jpy", "en")).toBe("¥1,250")
    // The same text as Intl's own rendering of the decimal string (what the admin shows).
    for (const locale of ["en-US", "zh-CN"]) {
      for (const [amount, currency] of [["129.32", "cny"], ["8.35", "hkd"], ["1234.50", "usd"], ["0.00", "eur"], ["1250", "jpy"]]) {
        const intl = new Intl.NumberFormat(locale, { style: "currency", currency: currency.toUpperCase(), currencyDisplay: "symbol" })
        expect(formatMoney(amount, currency, locale)).toBe(intl.format(amount as unknown as number))
      }
    }
    expect(formatBps(150)).toBe("1.5%")
    expect(formatBps(1000)).toBe("10%")
  })

  it("writes Medusa's calculated prices in the API's money format by string work, cut to the currency's precision", () => {
    expect(toAmount(59.9, 2)).toBe("59.90")
    expect(toAmount(79, 2)).toBe("79.00")
    expect(toAmount(1250, 0)).toBe("1250")
    expect(toAmount(0.1 + 0.2, 2)).toBe("0.30")
    expect(toAmount(19.999, 2)).toBe("19.99")
    expect(toAmount(1e21, 2)).toBe("1000000000000000000000.00")
    expect(toAmount("12.5", 3)).toBe("12.500")
    expect(toAmount(-3.1, 2)).toBe("-3.10")
  })
})
