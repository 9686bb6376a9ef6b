import fc from "fast-check"
import { MathBN } from "@medusajs/framework/utils"
import { competitionRanks, conversionRate, formatAmount } from "../report-math"

describe("report figures", () => {
  it("formats amounts rounded down, with every decimal of the currency", () => {
    expect(formatAmount("1234.5", "cny")).toBe("1234.50")
    expect(formatAmount("86.599999999999999999", "cny")).toBe("86.59")
    expect(formatAmount("0", "cny")).toBe("0.00")
    expect(formatAmount(null, "cny")).toBe("0.00")
    expect(formatAmount("1999.9", "JPY")).toBe("1999")
    expect(formatAmount("3.0869", "kwd")).toBe("3.086")
    expect(formatAmount("-17.155", "cny")).toBe("-17.15")
  })

  it("gives the conversion rate with four decimals, rounded down, and 0 without visits", () => {
    expect(conversionRate(1, 3)).toBe("0.3333")
    expect(conversionRate(2, 3)).toBe("0.6666")
    expect(conversionRate(3, 3)).toBe("1.0000")
    expect(conversionRate(0, 7)).toBe("0.0000")
    expect(conversionRate(4, 0)).toBe("0")
  })

  it("never rounds a conversion rate up", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 100_000 }), (orders, visits) => {
        const rate = conversionRate(orders, visits)
        expect(rate).toMatch(/^\d+\.\d{4}$/)
        expect(MathBN.lte(MathBN.mult(rate, visits), orders)).toBe(true)
        expect(MathBN.gt(MathBN.mult(MathBN.add(rate, "0.0001"), visits), orders)).toBe(true)
      })
    )
  })

  it("ranks ties together and counts everyone above the next value", () => {
    expect(competitionRanks(["90.00", "75.50", "75.5", "60.00", "60", "60", "1"])).toEqual([1, 2, 2, 4, 4, 4, 7])
    expect(competitionRanks([])).toEqual([])
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 })), (values) => {
        const sorted = [...values].sort((a, b) => b - a)
        const ranks = competitionRanks(sorted)
        sorted.forEach((v, i) => expect(ranks[i]).toBe(sorted.filter((w) => w > v).length + 1))
      })
    )
  })
})
