import { wallClockOf, wallClockOfInstant, wallClockToIso } from "../zoned-time"

describe("a sale's window typed as wall-clock time of its zone", () => {
  it("gives the instant with the zone's offset at that time", () => {
    expect(wallClockToIso("2026-12-12T00:00", "Asia/Shanghai")).toBe("2026-12-12T00:00:00+08:00")
    expect(wallClockToIso("2026-12-12T00:00", "UTC")).toBe("2026-12-12T00:00:00+00:00")
    expect(wallClockToIso("2026-07-01T09:30", "America/New_York")).toBe("2026-07-01T09:30:00-04:00")
    expect(wallClockToIso("2026-01-15T09:30", "America/New_York")).toBe("2026-01-15T09:30:00-05:00")
    expect(wallClockToIso("2026-03-01T12:00", "Asia/Kolkata")).toBe("2026-03-01T12:00:00+05:30")
    expect(new Date(wallClockToIso("2026-12-12T00:00", "Asia/Shanghai")!).toISOString()).toBe("2026-12-11T16:00:00.000Z")
  })

  it("takes the offset in force on each side of a daylight-saving change", () => {
    // Europe/Berlin moves from +01:00 to +02:00 at 02:00 on 29 March 2026.
    expect(wallClockToIso("2026-03-29T01:30", "Europe/Berlin")).toBe("2026-03-29T01:30:00+01:00")
    expect(wallClockToIso("2026-03-29T03:30", "Europe/Berlin")).toBe("2026-03-29T03:30:00+02:00")
  })

  it("refuses what is not a whole date and time", () => {
    expect(wallClockToIso("", "UTC")).toBeNull()
    expect(wallClockToIso("2026-12-12", "UTC")).toBeNull()
  })

  it("reads the API's local time back into the input", () => {
    expect(wallClockOf("2026-12-12T00:00:00+08:00")).toBe("2026-12-12T00:00")
  })

  it("shows an instant as the wall-clock time of a zone, the way back of wallClockToIso", () => {
    expect(wallClockOfInstant("2026-12-11T16:00:00.000Z", "Asia/Shanghai")).toBe("2026-12-12T00:00")
    expect(wallClockOfInstant("2026-07-01T13:30:00.000Z", "America/New_York")).toBe("2026-07-01T09:30")
    expect(wallClockOfInstant("2026-01-15T14:30:00.000Z", "America/New_York")).toBe("2026-01-15T09:30")
    expect(wallClockOfInstant(new Date(wallClockToIso("2026-03-29T03:30", "Europe/Berlin")!), "Europe/Berlin")).toBe("2026-03-29T03:30")
  })
})
