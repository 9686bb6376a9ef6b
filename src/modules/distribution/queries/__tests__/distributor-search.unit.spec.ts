import { codePrefixEnd, searchColumns } from "../distributor-search"

describe("which columns a search term can be in", () => {
  it("looks among the codes only for the codes' characters, in either case", () => {
    expect(searchColumns("32jt")).toEqual({ code: true, email: true })
    expect(searchColumns("K7Q")).toEqual({ code: true, email: true })
    // O, 0, 1, I and L are in no code; nor is anything but letters and digits.
    for (const q of ["zhao", "a0", "b1", "i", "L2", "wei.zhang", "张伟", "ab%", "ß"]) {
      expect(searchColumns(q).code).toBe(false)
    }
  })

  it("looks among the addresses only for a term without white space", () => {
    expect(searchColumns("zhang wei")).toEqual({ code: false, email: false })
    expect(searchColumns("wei.zhang5@example")).toEqual({ code: false, email: true })
    expect(searchColumns("tab\there").email).toBe(false)
  })
})

describe("the end of a code prefix's range", () => {
  it("is the prefix with its last character's successor among the codes' characters", () => {
    expect(codePrefixEnd("32JT")).toBe("32JU")
    expect(codePrefixEnd("9")).toBe("A")
    expect(codePrefixEnd("HJ")).toBe("HK")
    expect(codePrefixEnd("NP")).toBe("NQ")
  })

  it("carries past the last character, and has none for a prefix of it alone", () => {
    expect(codePrefixEnd("AZ")).toBe("B")
    expect(codePrefixEnd("AZZ")).toBe("B")
    expect(codePrefixEnd("Z")).toBeNull()
    expect(codePrefixEnd("ZZZ")).toBeNull()
  })
})
