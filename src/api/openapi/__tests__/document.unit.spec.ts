import fs from "fs"
import path from "path"
import { buildOpenApiDocument, openApiPath } from "../document"

const API_DIR = path.join(__dirname, "..", "..")

/** The validator is an ES module; the compiler would turn a plain import() into require(). */
const importEsm = new Function("specifier", "return import(specifier)") as <T>(specifier: string) => Promise<T>

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

  it("is a valid OpenAPI 3.1 document", async () => {
    expect(document.openapi).toBe("3.1.0")
    const { Validator } = await importEsm<{ Validator: new () => { validate(doc: object): Promise<object> } }>(
      "@seriousme/openapi-schema-validator"
    )
    expect(await new Validator().validate(document)).toEqual({ valid: true })
  })

  it("describes exactly the routes src/api registers", () => {
    const documented = Object.entries(document.paths)
      .flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m} ${p}`))
      .sort()
    const routes = registeredRoutes()
    expect(routes.length).toBeGreaterThan(30)
    expect(documented).toEqual(routes)
  })

  it("takes query parameters from the validators, with their constraints", () => {
    const stats = (document.paths["/store/distribution/stats"] as Record<string, { parameters: { name: string; schema: Record<string, unknown> }[] }>).get
    expect(stats.parameters.map((p) => p.name)).toEqual(["from", "to", "interval", "tz", "currency_code"])
    expect(stats.parameters.find((p) => p.name === "interval")!.schema).toMatchObject({ enum: ["day", "week", "month"], default: "day" })
  })
})
