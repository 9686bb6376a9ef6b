import { personName } from "../person-name"

describe("personName", () => {
  it("writes Chinese, Japanese and Korean names family name first, without a space", () => {
    expect(personName("小明", "陈")).toBe("陈小明")
    expect(personName("花子", "山田")).toBe("山田花子")
    expect(personName("민준", "김")).toBe("김민준")
  })

  it("writes other names given name first, with a space, and copes with a missing part", () => {
    expect(personName("Alice", "Chen")).toBe("Alice Chen")
    expect(personName("Alice", null)).toBe("Alice")
    expect(personName(null, "陈")).toBe("陈")
    expect(personName(" ", undefined)).toBe("")
    expect(personName("小明", "Chen")).toBe("小明 Chen")
  })
})
