import { pgTextArray } from "../sql"

describe("pgTextArray", () => {
  it("writes ids bare, a null as NULL, and quotes anything else, the word null included", () => {
    expect(pgTextArray(["dist_01ABC", null, "dlvl_2"])).toBe("{dist_01ABC,NULL,dlvl_2}")
    expect(pgTextArray(["null", "NULL"])).toBe('{"null","NULL"}')
    expect(pgTextArray(['a "b"', "c\\d", "e,f"])).toBe('{"a \\"b\\"","c\\\\d","e,f"}')
    expect(pgTextArray([])).toBe("{}")
  })
})
