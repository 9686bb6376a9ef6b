import fc from "fast-check"
import { MathBN } from "@medusajs/framework/utils"
import { competitionRanks, conversionRate } from "../report-math"

describe("report figures", () => {
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
