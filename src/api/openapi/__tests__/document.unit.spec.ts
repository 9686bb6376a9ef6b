import { spawnSync } from "child_process"
import fs from "fs"
import path from "path"
import { buildOpenApiDocument, openApiPath } from "../document"

const API_DIR = path.join(__dirname, "..", "..")

/**
 * Validates a document with @seriousme/openapi-schema-validator, an ES module
 * that a CommonJS test cannot require: in a Node process of its own.
 */
function validateOpenApi(document: object): { valid: boolean; errors?: unknown } {
  const script = `import { Validator } from "@seriousme/openapi-schema-validator"
    let input = ""
    for await (const chunk of process.stdin) input += chunk
    console.log(JSON.stringify(await new Validator().validate(JSON.parse(input))))`
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    input: JSON.stringify(document),
    encoding: "utf8",
    cwd: path.join(__dirname, "..", "..", "..", ".."),
  })
  if (result.status !== 0) {
    throw new Error(result.stderr)
  }
  return JSON.parse(result.stdout)
}

/** Every route file under src/api, as "<method> <OpenAPI path>", from the handlers it exports. */
function registeredRoutes(): string[] {
  const routes: string[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) {
        walk(full)
      } else if (entry.name === "route.ts") {
        const url = "/" + path.relative(API_DIR, dir).split(path.sep).join("/")
        const source = fs.readFileSync(full, "utf8")
        for (const [, method] of source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)) {
          routes.push(`${method.toLowerCase()} ${openApiPath(url.replace(/\[(\w+)\]/g, ":$1"))}`)
        }
      }
    }
  }
  walk(API_DIR)
  return routes.sort()
}

describe("the OpenAPI document", () => {
  const document = buildOpenApiDocument()

  it("is a valid OpenAPI 3.1 document, and so is the store's", () => {
    expect(document.openapi).toBe("3.1.0")
    expect(validateOpenApi(document)).toEqual({ valid: true })
    expect(validateOpenApi(buildOpenApiDocument("store"))).toEqual({ valid: true })
  })

  it("shows the store only the store routes", () => {
    const store = Object.keys(buildOpenApiDocument("store").paths)
    expect(store.length).toBeGreaterThan(10)
    expect(store.filter((p) => !p.startsWith("/store/distribution/"))).toEqual([])
    expect(Object.keys(document.paths).filter((p) => p.startsWith("/admin/")).length).toBeGreaterThan(30)
  })

  it("describes exactly the routes src/api registers", () => {
    const documented = Object.entries(document.paths)
      .flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m} ${p}`))
      .sort()
    const routes = registeredRoutes()
    expect(routes.length).toBeGreaterThan(30)
    expect(documented).toEqual(routes)
  })

  it("declares the amount format once and every amount of every response as it", () => {
    const schemas = document.components.schemas as Record<string, Record<string, unknown>>
    expect(schemas.Amount).toMatchObject({ type: "string", pattern: "^-?\\d+(\\.\\d{2,3})?$" })
    const amount = new RegExp(schemas.Amount.pattern as string)
    expect(["2.50", "1250", "1.125", "-17.15"].every((s) => amount.test(s))).toBe(true)
    expect(["2.5", "39.8", "0.30000000000000004", "1e3"].some((s) => amount.test(s))).toBe(false)

    // Every property named like an amount, in every response, is the shared Amount (or Amount | null).
    const AMOUNT_KEYS = /^(amount|base_amount|reversed_amount|fee|net_amount|available|held|withdrawn|debt|price|min_withdrawal|application_min_spend|fixed_amount_[123]|upgrade_(personal|team)_sales|sales|(cached|ledger)_(available|held|withdrawn)|withdrawals_(requested|paid))$/
    const REF = { $ref: "#/components/schemas/Amount" }
    const found: string[] = []
    const walk = (node: unknown, at: string) => {
      if (!node || typeof node !== "object") return
      for (const [key, child] of Object.entries(node)) {
        expect(key.startsWith("raw_") ? `${at}/${key}` : "").toBe("")
        if (key === "properties") {
          for (const [name, property] of Object.entries(child as Record<string, unknown>)) {
            // A list named like an amount ("sales": the limited-time sales) holds rows, not an amount.
            if (AMOUNT_KEYS.test(name) && (property as { type?: string }).type !== "array") {
              found.push(`${at}/${name}`)
              expect([REF, { anyOf: [REF, { type: "null" }] }]).toContainEqual(property)
            }
          }
        }
        walk(child, `${at}/${key}`)
      }
    }
    for (const [p, methods] of Object.entries(document.paths)) {
      for (const [m, op] of Object.entries(methods as Record<string, { responses: unknown }>)) {
        walk(op.responses, `${m} ${p}`)
      }
    }
    expect(found.length).toBeGreaterThan(60)
  })

  it("takes query parameters from the validators, with their constraints", () => {
    const stats = (document.paths["/store/distribution/stats"] as Record<string, { parameters: { name: string; schema: Record<string, unknown> }[] }>).get
    expect(stats.parameters.map((p) => p.name)).toEqual(["from", "to", "interval", "tz", "currency_code"])
    expect(stats.parameters.find((p) => p.name === "interval")!.schema).toMatchObject({ enum: ["day", "week", "month"], default: "day" })
  })
})
