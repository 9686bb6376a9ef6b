import http from "http"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { buildOpenApiDocument } from "../../src/api/openapi/document"
import { createAdmin, createPublishableKey, Headers } from "../helpers/auth"
import { makeDistributor, updateSettings } from "../helpers/distribution"
import { pluginTables } from "../helpers/tables"

jest.setTimeout(600_000)

/**
 * Every route of the OpenAPI document × every class of malformed input: broken
 * percent-encoding, NUL characters and lone surrogates in ids, queries and
 * bodies; dates outside what PostgreSQL stores; integers above the columns;
 * numbers as strings and strings as numbers; bodies that are not JSON or not an
 * object. Each request must answer a 4xx with a message, never a 5xx, and the
 * plugin's tables must be exactly as they were after all of them (but for the
 * audit rows of payout exports, which are written for every export made, and
 * the share token of the one well-formed link request).
 */

type Operation = {
  parameters?: { name: string; in: string }[]
  requestBody?: { content: { "application/json": { schema: JsonSchema } } }
}
type JsonSchema = { properties?: Record<string, unknown>; anyOf?: JsonSchema[]; oneOf?: JsonSchema[] }
type Case = { method: string; path: string; body?: string; contentType?: string; auth: Record<string, string> }

const BAD_IDS = ["%E0%A4%A", "%zz", "x%00y", "%ED%A0%80", "%00", "a".repeat(2000), "%F0%9F%98"]

const BAD_QUERY_VALUES = [
  "",
  "%00",
  "abc%00",
  "%ED%A0%80",
  "-1",
  "2147483648",
  "99999999999999999999999999",
  "1e308",
  "NaN",
  "0001-01-01",
  "99999-01-01",
  "%2B275760-09-13T00:00:00.000Z",
  "-271821-04-20",
  "2026-02-30",
  "%5B%5D",
  "x".repeat(5000),
]

const BAD_VALUES: unknown[] = [
  "\u0000",
  "a\uD800b",
  "\uDFFF",
  -1,
  2147483648,
  -2147483649,
  1e308,
  0.30000000000000004,
  "99999999999999999999999999",
  "0001-01-01",
  "+275760-09-13T00:00:00.000Z",
  { $ne: null },
  [[[]]],
]

const BAD_BODIES: { body: string; contentType: string }[] = [
  { body: "[]", contentType: "application/json" },
  { body: "null", contentType: "application/json" },
  { body: '"text"', contentType: "application/json" },
  { body: "12", contentType: "application/json" },
  { body: "{", contentType: "application/json" },
  { body: '{"a":"\\u0000"}', contentType: "application/json" },
  { body: '{"a":"\\ud800"}', contentType: "application/json" },
  { body: "a=1&status=active", contentType: "application/x-www-form-urlencoded" },
  { body: "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--b--", contentType: "multipart/form-data; boundary=b" },
  { body: "<a>1</a>", contentType: "application/xml" },
  { body: "hello", contentType: "text/plain" },
]

function send(port: number, c: Case): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...c.auth }
    if (c.body !== undefined) {
      headers["content-type"] = c.contentType ?? "application/json"
      headers["content-length"] = Buffer.byteLength(c.body)
    }
    // A connection per request: a kept-alive socket the server closes while idle would fail the next request for no fault of the route.
    const req = http.request({ host: "localhost", port, agent: false, method: c.method.toUpperCase(), path: c.path, headers }, (res) => {
      let body = ""
      res.setEncoding("utf8")
      res.on("data", (chunk) => (body += chunk))
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on("error", reject)
    if (c.body !== undefined) req.write(c.body)
    req.end()
  })
}

/** The top-level fields a route's body takes (every branch of a union). */
function bodyFields(schema: JsonSchema | undefined): string[] {
  if (!schema) return []
  const branches = [schema, ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]
  return [...new Set(branches.flatMap((b) => Object.keys(b.properties ?? {})))]
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let admin: Headers
    let store: Record<string, string>
    let pk: string

    beforeAll(async () => {
      const container = getContainer()
      pk = (await createPublishableKey(container)).token
      admin = await createAdmin(container)
      await updateSettings(api, admin, { application_mode: "auto" })
      const d = await makeDistributor(api, { pk, admin }, { name: "Fuzz" })
      store = { ...d.headers, "x-publishable-api-key": pk }
      await api.post("/admin/distribution/levels", { name: "Bronze", rank: 1, rate_bps_1: 1000, rate_bps_2: 500, rate_bps_3: 0, is_default: true }, admin)
    })

    it("answers every malformed request to every route with a 4xx and a message, and writes nothing", async () => {
      const port = Number(new URL(api.defaults.baseURL!).port)
      const document = buildOpenApiDocument("admin")
      const cases: Case[] = []
      for (const [template, methods] of Object.entries(document.paths)) {
        for (const [method, operation] of Object.entries(methods as Record<string, Operation>)) {
          const auth = template.startsWith("/admin/") ? admin.headers : store
          const fill = (id: string) => template.replace(/\{[^}]+\}/g, id)
          // A well-formed id that names nothing: the route's validation still runs first.
          const path = fill("fuzz_missing_01")
          for (const id of BAD_IDS) {
            cases.push({ method, path: fill(id), auth })
          }
          for (const p of (operation.parameters ?? []).filter((p) => p.in === "query")) {
            for (const v of BAD_QUERY_VALUES) {
              cases.push({ method, path: `${path}?${p.name}=${v}`, auth })
            }
            cases.push({ method, path: `${path}?${p.name}=1&${p.name}=2&${p.name}[x]=3`, auth })
          }
          if (method === "post") {
            for (const b of BAD_BODIES) {
              cases.push({ method, path, auth, ...b })
            }
            for (const field of bodyFields(operation.requestBody?.content["application/json"].schema)) {
              for (const v of BAD_VALUES) {
                cases.push({ method, path, auth, body: JSON.stringify({ [field]: v }) })
              }
            }
          }
        }
      }
      expect(cases.length).toBeGreaterThan(1500)

      // Exporting the payout file is audited even when nothing matches: the only row a
      // request may add, for the export requests that were well-formed. The link route's one
      // well-formed request (GET /store/distribution/link, the home page) makes the
      // share token of that target: checked on its own below.
      const started = (await dbConnection.raw("select clock_timestamp() as t")).rows[0].t
      const tablesBut = async () => {
        const { distribution_audit_log: _audit, distribution_share_scene: _scenes, ...rest } = await pluginTables(dbConnection)
        return rest
      }
      const before = await tablesBut()
      const failures: string[] = []
      for (const c of cases) {
        const request = `${c.method.toUpperCase()} ${c.path.slice(0, 120)}${c.body ? ` ${c.body.slice(0, 80)}` : ""}`
        let answer: { status: number; body: string }
        try {
          answer = await send(port, c)
        } catch (e) {
          failures.push(`${request} → no answer (${(e as Error).message})`)
          continue
        }
        const { status, body } = answer
        const label = `${request} → ${status}`
        let message: unknown
        try {
          message = JSON.parse(body).message
        } catch {
          message = undefined
        }
        if (status >= 500 || (status >= 400 && typeof message !== "string")) {
          failures.push(`${label} ${body.slice(0, 160)}`)
        }
      }
      expect(failures).toEqual([])
      expect(await tablesBut()).toEqual(before)
      const { rows: audits } = await dbConnection.raw(
        "select action, count(*)::int as n from distribution_audit_log where created_at >= ? group by action",
        [started]
      )
      expect(audits.filter((a: { action: string }) => a.action !== "withdrawal.export")).toEqual([])
      const { rows: scenes } = await dbConnection.raw("select target_type, target_id, path from distribution_share_scene")
      expect(scenes).toEqual([{ target_type: "home", target_id: null, path: "/" }])
    })
  },
})
