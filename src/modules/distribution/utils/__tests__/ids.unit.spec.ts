import { newId } from "../ids"

const ENCODING = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
const decodeTime = (ulid: string) => [...ulid.slice(0, 10)].reduce((t, c) => t * 32 + ENCODING.indexOf(c), 0)

describe("newId", () => {
  it("makes Medusa-shaped ids: the prefix, then a ULID of the current millisecond", () => {
    const before = Date.now()
    const id = newId("dled")
    const after = Date.now()
    expect(id).toMatch(/^dled_[0-9A-HJKMNP-TV-Z]{26}$/)
    const time = decodeTime(id.slice(5))
    expect(time).toBeGreaterThanOrEqual(before)
    expect(time).toBeLessThanOrEqual(after)
  })

  it("never repeats in 200,000 ids made in a burst, across many refills of its pool", () => {
    const ids = new Set(Array.from({ length: 200_000 }, () => newId("dcom")))
    expect(ids.size).toBe(200_000)
  })

  it("draws every random character from the 32 evenly", () => {
    const counts = new Map<string, number>()
    const n = 20_000
    for (let i = 0; i < n; i++) for (const c of newId("x").slice(12)) counts.set(c, (counts.get(c) ?? 0) + 1)
    expect([...counts.keys()].sort().join("")).toBe(ENCODING)
    // 320,000 characters: 10,000 expected of each; a fair source stays within ±5% (about 5 standard deviations).
    for (const count of counts.values()) {
      expect(Math.abs(count - 10_000)).toBeLessThan(500)
    }
  })
})
