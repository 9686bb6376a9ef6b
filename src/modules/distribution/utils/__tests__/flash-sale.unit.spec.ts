import { flashSalePhase, slotsAround, slotsRefusal } from "../flash-sale"

const sale = (over: Partial<Parameters<typeof slotsAround>[0]> = {}) => ({
  starts_on: "2026-12-10",
  ends_on: "2026-12-12",
  time_zone: "Asia/Shanghai",
  slots: [
    { start: "20:00", end: "22:00" },
    { start: "10:00", end: "12:00" },
  ],
  status: "active",
  ...over,
})
const at = (iso: string) => new Date(iso)
const iso = (o: { starts_at: Date; ends_at: Date } | null) => o && [o.starts_at.toISOString(), o.ends_at.toISOString()]

describe("flash sale slots", () => {
  it("refuses bad, inverted and overlapping slots", () => {
    expect(slotsRefusal([{ start: "10:00", end: "12:00" }, { start: "12:00", end: "24:00" }])).toBeNull()
    expect(slotsRefusal([{ start: "10:00", end: "12:00" }, { start: "11:59", end: "13:00" }])).toBe("The slots 10:00–12:00 and 11:59–13:00 overlap")
    expect(slotsRefusal([{ start: "12:00", end: "12:00" }])).toBe("The slot 12:00–12:00 ends before it starts")
    expect(slotsRefusal([{ start: "24:00", end: "24:00" }])).toContain('times "HH:MM"')
    expect(slotsRefusal([{ start: "9:00", end: "10:00" }])).toContain('times "HH:MM"')
  })

  it("finds the slot running now and the next one, in the sale's zone", () => {
    // 2026-12-10 10:30 in Shanghai is 02:30 UTC.
    expect(iso(slotsAround(sale(), at("2026-12-10T02:30:00Z")).current)).toEqual(["2026-12-10T02:00:00.000Z", "2026-12-10T04:00:00.000Z"])
    expect(iso(slotsAround(sale(), at("2026-12-10T02:30:00Z")).next)).toEqual(["2026-12-10T12:00:00.000Z", "2026-12-10T14:00:00.000Z"])
    // The end is not in the slot; between slots, only a next one.
    expect(slotsAround(sale(), at("2026-12-10T04:00:00Z")).current).toBeNull()
    // Before the first date: the first slot of the first date.
    expect(iso(slotsAround(sale(), at("2026-12-01T00:00:00Z")).next)).toEqual(["2026-12-10T02:00:00.000Z", "2026-12-10T04:00:00.000Z"])
    // The last slot of the last date, then nothing.
    expect(slotsAround(sale(), at("2026-12-12T13:00:00Z")).next).toBeNull()
    expect(flashSalePhase(sale(), at("2026-12-12T13:00:00Z"))).toBe("live")
    expect(flashSalePhase(sale(), at("2026-12-12T14:00:00Z"))).toBe("ended")
    expect(flashSalePhase(sale(), at("2026-12-01T00:00:00Z"))).toBe("upcoming")
    expect(flashSalePhase(sale({ status: "closed" }), at("2026-12-10T02:30:00Z"))).toBe("closed")
  })

  it("keeps wall-clock slots across a daylight-saving change and ends a 24:00 slot at midnight", () => {
    const ny = sale({ starts_on: "2026-03-07", ends_on: "2026-03-09", time_zone: "America/New_York", slots: [{ start: "09:00", end: "24:00" }] })
    // 09:00 EST is 14:00 UTC on the 7th; 09:00 EDT is 13:00 UTC on the 9th.
    expect(iso(slotsAround(ny, at("2026-03-07T15:00:00Z")).current)).toEqual(["2026-03-07T14:00:00.000Z", "2026-03-08T05:00:00.000Z"])
    expect(iso(slotsAround(ny, at("2026-03-09T00:00:00Z")).next)).toEqual(["2026-03-09T13:00:00.000Z", "2026-03-10T04:00:00.000Z"])
  })
})
