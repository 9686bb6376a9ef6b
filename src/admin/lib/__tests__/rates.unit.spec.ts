import fc from "fast-check"
import { bpsToPercent, percentToBps } from "../rates"

describe("rates as percentages", () => {
  it.each([
    [1250, "12.5"],
    [1000, "10"],
    [1234, "12.34"],
    [5, "0.05"],
    [50, "0.5"],
    [0, "0"],
    [10000, "100"],
  ])("shows %i basis points as %s %%", (bps, percent) => {
    expect(bpsToPercent(bps)).toBe(percent)
  })

  it.each([
    ["12.5", 1250],
    ["12.50", 1250],
    ["12.5%", 1250],
    [" 12.5 % ", 1250],
    ["0.05", 5],
    ["10", 1000],
    ["10.", 1000],
    ["100", 10000],
    ["0", 0],
    ["0.29", 29],
    ["4.35", 435],
  ])("reads %s as %i basis points", (text, bps) => {
    expect(percentToBps(text)).toEqual({ bps })
  })

  it.each([
    ["12.345", "decimals"],
    ["0.001", "decimals"],
    ["100.01", "range"],
    ["250", "range"],
    ["", "format"],
    [".5", "format"],
    ["-5", "format"],
    ["1e3", "format"],
    ["12,5", "format"],
    ["abc", "format"],
  ])("refuses %s (%s)", (text, error) => {
    expect(percentToBps(text)).toEqual({ error })
  })

  it("round-trips every rate from 0 to 100 %", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10000 }), (bps) => {
        expect(percentToBps(bpsToPercent(bps))).toEqual({ bps })
      })
    )
  })
})
