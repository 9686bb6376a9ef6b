import { findForbiddenText, inputProblem, pathProblem, withoutEmptyValues } from "../input-hygiene"
import type { MedusaRequest } from "@medusajs/framework/http"

const request = (r: { url: string; query?: unknown; body?: unknown; headers?: Record<string, string> }) =>
  ({ originalUrl: r.url, url: r.url, query: r.query ?? {}, body: r.body, headers: r.headers ?? {} }) as unknown as MedusaRequest

describe("input hygiene", () => {
  it("finds NUL characters and lone surrogates in keys and values at any depth, with where they are", () => {
    expect(findForbiddenText({ a: ["ok", { b: "x\u0000y" }] }, "body")).toBe("body.a[1].b contains a NUL character")
    expect(findForbiddenText({ reason: "bad \uD800 text" }, "body")).toBe(
      "body.reason contains a lone UTF-16 surrogate (not valid Unicode text)"
    )
    expect(findForbiddenText({ reason: "tail \uDC00" }, "body")).toMatch(/lone UTF-16 surrogate/)
    expect(findForbiddenText({ ["k\u0000"]: 1 }, "query")).toBe("a field name in query contains a NUL character")
  })

  it("lets through ordinary text, emoji (surrogate pairs), CJK and non-strings", () => {
    expect(findForbiddenText({ name: "陈小明 👍", n: 3, ok: true, none: null, list: ["a", 2] }, "body")).toBeNull()
  })

  it("refuses a path that is not valid percent-encoding, or decodes to a NUL", () => {
    expect(pathProblem("/admin/distribution/distributors/%E0%A4%A")).toBe(
      'The path segment "%E0%A4%A" is not valid percent-encoding'
    )
    expect(pathProblem("/admin/distribution/distributors/%ED%A0%80")).toMatch(/not valid percent-encoding/)
    expect(pathProblem("/admin/distribution/distributors/dist_1%00")).toBe(
      'The path segment "dist_1%00" contains a NUL character'
    )
    expect(pathProblem("/admin/distribution/distributors/%E9%99%88")).toBeNull()
  })

  it("refuses a body that is not JSON with 415, whatever the route, but not a request without a body", () => {
    const form = request({
      url: "/admin/distribution/distributors/d_1/approve",
      body: { note: "x" },
      headers: { "content-type": "application/x-www-form-urlencoded", "content-length": "6" },
    })
    expect(inputProblem(form)).toEqual({
      status: 415,
      message: 'The request body must be JSON (Content-Type: application/json), not "application/x-www-form-urlencoded"',
    })
    const multipart = request({
      url: "/store/distribution/apply",
      body: {},
      headers: { "content-type": "multipart/form-data; boundary=x", "content-length": "40" },
    })
    expect(inputProblem(multipart)?.status).toBe(415)
    const untyped = request({ url: "/store/distribution/apply", headers: { "content-length": "2" } })
    expect(inputProblem(untyped)?.message).toMatch(/not untyped$/)
    const empty = request({ url: "/admin/distribution/distributors/d_1/approve", headers: { "content-length": "0" } })
    expect(inputProblem(empty)).toBeNull()
    const json = request({
      url: "/admin/distribution/distributors/d_1/approve",
      body: { note: "ok" },
      headers: { "content-type": "application/json; charset=utf-8", "content-length": "13" },
    })
    expect(inputProblem(json)).toBeNull()
  })

  it("checks the path first, then the query, then the media type, then the body", () => {
    const r = request({
      url: "/admin/distribution/levels/%zz?q=a",
      query: { q: "a\u0000" },
      body: { name: "\u0000" },
      headers: { "content-type": "text/plain", "content-length": "3" },
    })
    expect(inputProblem(r)?.message).toMatch(/^The path segment "%zz"/)
    expect(inputProblem(request({ url: "/admin/distribution/levels", query: { q: "a\u0000" } }))?.message).toBe(
      "The query.q contains a NUL character"
    )
  })
})

describe("empty query values", () => {
  it("are dropped, so that an empty filter is no filter rather than 0", () => {
    expect(withoutEmptyValues({ depth: "", q: "chen", status: ["", "active"], tags: [""], n: "0" })).toEqual({
      q: "chen",
      status: ["active"],
      n: "0",
    })
  })
})
