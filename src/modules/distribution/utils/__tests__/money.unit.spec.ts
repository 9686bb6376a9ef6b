import fc from "fast-check"
import { MathBN } from "@medusajs/framework/utils"
import { currencyPrecision, fitsCurrency, formatAmount, formatMoney, tooPreciseMessage } from "../money"

describe("amounts in the API", () => {
  it("are rounded down and padded to the currency's minor unit", () => {
    expect(formatAmount("1234.5", "cny")).toBe("1234.50")
    expect(formatAmount(39.8, "cny")).toBe("39.80")
    expect(formatAmount("86.599999999999999999", "cny")).toBe("86.59")
    expect(formatAmount("0", "cny")).toBe("0.00")
    expect(formatAmount(null, "cny")).toBe("0.00")
    expect(formatAmount("1250", "JPY")).toBe("1250")
    expect(formatAmount("1999.9", "JPY")).toBe("1999")
    expect(formatAmount("3.0869", "kwd")).toBe("3.086")
    expect(formatAmount("-17.155", "cny")).toBe("-17.15")
  })

  it("always carry exactly the currency's decimals and never more than the amount", () => {
    const currency = fc.constantFrom("cny", "eur", "jpy", "kwd", "hkd")
    const amount = fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }).map((n) => MathBN.div(n, 10_000).toFixed())
    fc.assert(
      fc.property(amount, currency, (a, c) => {
        const s = formatAmount(a, c)
        const decimals = currencyPrecision(c)
        expect(s).toMatch(decimals ? new RegExp(`^-?\\d+\\.\\d{${decimals}}$`) : /^-?\d+$/)
        expect(MathBN.lte(MathBN.abs(s), MathBN.abs(a))).toBe(true)
        expect(fitsCurrency(s, c)).toBe(true)
      })
    )
  })

  it("know which amounts a currency can hold", () => {
    expect(fitsCurrency("100.01", "cny")).toBe(true)
    expect(fitsCurrency("100.001", "cny")).toBe(false)
    expect(fitsCurrency("0.30000000000000004", "cny")).toBe(false)
    expect(fitsCurrency("100.5", "jpy")).toBe(false)
    expect(fitsCurrency("1.125", "kwd")).toBe(true)
  })

  it("show in messages with the currency's symbol and precision", () => {
    expect(formatMoney("2.5", "cny")).toBe("¥2.50")
    expect(formatMoney(100, "EUR")).toBe("€100.00")
    expect(formatMoney("5", "hkd")).toBe("HK$5.00")
    expect(formatMoney("1250", "jpy")).toBe("JP¥1,250")
    expect(formatMoney("-17.155", "cny")).toBe("-¥17.15")
    expect(formatMoney("1.5", "kwd")).toBe("KWD 1.500")
  })

  it("say why an amount has too many decimals for its currency", () => {
    expect(tooPreciseMessage("amount", "0.001", "cny")).toBe("amount 0.001 has more decimals than CNY allows (2)")
    expect(tooPreciseMessage("min_withdrawal", 99.5, "jpy")).toBe("min_withdrawal 99.5 has more decimals than JPY allows (0)")
  })
})
