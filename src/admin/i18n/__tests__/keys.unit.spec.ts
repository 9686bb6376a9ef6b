import fs from "fs"
import path from "path"

/**
 * Every text of the admin goes through i18n: each key the code names exists in
 * English and in 简体中文, and the two languages hold the same keys (English may
 * add the "_one" forms that Chinese has no use for). Every key is named as a
 * literal, so this test sees them all: a status or method becomes words
 * through a map of literal keys (src/admin/lib/labels.ts), never t(`…${x}`).
 */
const ADMIN = path.resolve(__dirname, "..", "..")
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(ADMIN, "i18n", "json", file), "utf8"))
const flatten = (tree: Record<string, unknown>, prefix = ""): string[] =>
  Object.entries(tree).flatMap(([k, v]) =>
    v && typeof v === "object" ? flatten(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`]
  )
const sources = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name)
    if (e.isDirectory()) return e.name === "__tests__" ? [] : sources(full)
    return /\.tsx?$/.test(e.name) ? [full] : []
  })

const en = new Set(flatten(read("en.json")))
const zh = new Set(flatten(read("zh-CN.json")))
const code = sources(ADMIN).map((f) => fs.readFileSync(f, "utf8")).join("\n")
const literalKeys = [
  ...new Set([
    ...[...code.matchAll(/\bt\(\s*"([^"]+)"/g)].map((m) => m[1]),
    ...[...code.matchAll(/label: "([^"]+)",\s*translationNs: "distribution"/g)].map((m) => m[1]),
  ]),
]
const has = (keys: Set<string>, key: string) => keys.has(key) || keys.has(`${key}_other`)
/** Each t( … ) whose key is not a string literal: a template, a variable, a condition. */
const computedKeys = (text: string) =>
  [...text.matchAll(/(?<![\w.$])t\(\s*(?!")([^\n]{0,60})/g)].map((m) => `t(${m[1]}`)

describe("admin translations", () => {
  it("finds the keys the code uses", () => {
    expect(literalKeys.length).toBeGreaterThan(200)
    expect(literalKeys).toContain("nav.distribution")
  })

  it.each([
    ["en", en],
    ["zh-CN", zh],
  ])("%s has every key the code names", (_lang, keys) => {
    expect(literalKeys.filter((k) => !has(keys, k))).toEqual([])
  })

  it("names every key as a literal, so that none escapes the checks above", () => {
    expect(computedKeys(code)).toEqual([])
  })

  it("finds computed keys when there are some", () => {
    const sample = ['t(`statuses.${kind}`)', "t(label)", 't(done ? "a" : "b")', 'format(x)', 't("fields.name")', 'i18n.t(x)']
    expect(computedKeys(sample.join("\n"))).toEqual(['t(`statuses.${kind}`)', "t(label)", 't(done ? "a" : "b")'])
  })

  it("holds no key the code does not use", () => {
    const used = new Set(literalKeys)
    expect([...en].map((k) => k.replace(/_(one|other)$/, "")).filter((k) => !used.has(k))).toEqual([])
  })

  it("en and zh-CN hold the same keys", () => {
    const withoutOne = [...en].filter((k) => !k.endsWith("_one"))
    expect(withoutOne.filter((k) => !zh.has(k))).toEqual([])
    expect([...zh].filter((k) => !en.has(k))).toEqual([])
  })

  it("zh-CN is translated, not copied", () => {
    const english = read("en.json")
    const chinese = read("zh-CN.json")
    const get = (tree: Record<string, unknown>, key: string) =>
      key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree)
    const words = (text: unknown) => String(text).replace(/\{\{\w+\}\}/g, "")
    const same = [...zh].filter((k) => get(chinese, k) === get(english, k) && /[a-z]{4,}/.test(words(get(english, k))))
    expect(same.filter((k) => !["methods.paypal"].includes(k))).toEqual([])
  })
})
