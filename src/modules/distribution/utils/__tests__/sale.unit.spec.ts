import fc from "fast-check"
import { MathBN } from "@medusajs/framework/utils"
import { currencyPrecision } from "../money"
import { overlapRefusal, percentOffPrices, salePolicy, salePriceRefusal, saleStatus, windowRefusal } from "../sale"

const at = (iso: string) => new Date(iso)

describe("limited-time sales", () => {
  it("takes a percentage off every price, rounded down to each currency's minor unit", () => {
    const prices = percentOffPrices(
      [
        { variant_id: "var_serum", currency_code: "cny", amount: 129.9 },
        { variant_id: "var_serum", currency_code: "hkd", amount: "141.5" },
        { variant_id: "var_serum", currency_code: "jpy", amount: 2599 },
        { variant_id: "var_serum", currency_code: "kwd", amount: "12.345", min_quantity: 2, rules: { region_id: "reg_kw" } },
      ],
      1250
    )
    // 87.5% of 129.90 is 113.6625; of 141.50, 123.8125; of 2599, 2274.125; of 12.345, 10.801875.
    expect(prices.map((p) => [p.currency_code, p.amount])).toEqual([
      ["cny", "113.66"],
      ["hkd", "123.81"],
      ["jpy", "2274"],
      ["kwd", "10.801"],
    ])
    expect(prices[3]).toMatchObject({ min_quantity: 2, rules: { region_id: "reg_kw" } })
  })

  it("never charges more than the advertised percentage allows, nor a minor unit less", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("cny", "hkd", "jpy", "kwd"),
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: 1, max: 9999 }),
        (currency, minor, offBps) => {
          const unit = MathBN.div(1, 10 ** currencyPrecision(currency))
          const amount = MathBN.mult(minor, unit).toFixed()
          const [{ amount: sale }] = percentOffPrices([{ variant_id: "v", currency_code: currency, amount }], offBps)
          const exact = MathBN.div(MathBN.mult(amount, 10000 - offBps), 10000)
          expect(MathBN.lte(sale, exact)).toBe(true)
          expect(MathBN.gt(MathBN.add(sale, unit), exact)).toBe(true)
          expect(MathBN.eq(MathBN.mult(MathBN.div(sale, unit), unit), sale)).toBe(true)
        }
      ),
      { numRuns: 500 }
    )
  })

  it("is upcoming before its start, live in its window, ended from its end", () => {
    const sale = { starts_at: at("2026-12-01T00:00:00Z"), ends_at: at("2026-12-12T16:00:00Z") }
    expect(saleStatus(sale, at("2026-11-30T23:59:59Z"))).toBe("upcoming")
    expect(saleStatus(sale, at("2026-12-01T00:00:00Z"))).toBe("live")
    expect(saleStatus(sale, at("2026-12-12T15:59:59Z"))).toBe("live")
    expect(saleStatus(sale, at("2026-12-12T16:00:00Z"))).toBe("ended")
  })

  it("refuses a window that ends before it starts or in the past", () => {
    const now = at("2026-11-30T12:00:00Z")
    expect(windowRefusal({ starts_at: at("2026-12-02T00:00:00Z"), ends_at: at("2026-12-01T00:00:00Z") }, now)).toMatchObject({
      type: "invalid_data",
      message: expect.stringContaining("must be after starts_at"),
    })
    expect(windowRefusal({ starts_at: at("2026-11-01T00:00:00Z"), ends_at: at("2026-11-30T11:00:00Z") }, now)).toMatchObject({
      message: expect.stringContaining("in the past"),
    })
    expect(windowRefusal({ starts_at: at("2026-11-01T00:00:00Z"), ends_at: at("2026-12-01T00:00:00Z") }, now)).toBeNull()
  })

  it("names the sales and variants an overlapping sale collides with", () => {
    expect(overlapRefusal([])).toBeNull()
    const refusal = overlapRefusal([
      { sale_id: "dsale_1", name: "双十二", variant_id: "var_b", starts_at: at("2026-12-01T00:00:00Z"), ends_at: at("2026-12-13T00:00:00Z") },
      { sale_id: "dsale_1", name: "双十二", variant_id: "var_a", starts_at: at("2026-12-01T00:00:00Z"), ends_at: at("2026-12-13T00:00:00Z") },
    ])
    expect(refusal).toEqual({
      type: "conflict",
      message:
        'A variant can be in one sale at a time: var_a, var_b are already in the sale "双十二" (dsale_1, 2026-12-01T00:00:00.000Z to 2026-12-13T00:00:00.000Z). Choose another window or end that sale first',
    })
  })

  it("takes a fixed sale price above zero that fits its currency", () => {
    expect(salePriceRefusal({ variant_id: "v", currency_code: "cny", amount: "99.90" })).toBeNull()
    expect(salePriceRefusal({ variant_id: "v", currency_code: "cny", amount: "0" })?.message).toContain("above zero")
    expect(salePriceRefusal({ variant_id: "v", currency_code: "jpy", amount: "99.5" })?.message).toContain("more decimals than JPY allows (0)")
  })

  it("reads its commission policy", () => {
    expect(salePolicy({ commission_policy: "normal", rate_bps_1: null, rate_bps_2: null, rate_bps_3: null })).toEqual({ mode: "normal" })
    expect(salePolicy({ commission_policy: "excluded", rate_bps_1: 100, rate_bps_2: null, rate_bps_3: null })).toEqual({ mode: "excluded" })
    expect(salePolicy({ commission_policy: "rates", rate_bps_1: 1500, rate_bps_2: null, rate_bps_3: 100 })).toEqual({ mode: "rates", rates: [1500, 0, 100] })
  })
})
