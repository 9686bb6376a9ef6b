import http from "http"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { IApiKeyModuleService } from "@medusajs/framework/types"
import { ApiKeyType, Modules } from "@medusajs/framework/utils"
import { createPublishableKey } from "../helpers/auth"

const { ensurePortalBuilt } = require("../../scripts/lib/portal")

jest.setTimeout(120_000)

/**
 * The distributor portal as the server serves it at /distribution: the page and
 * its hashed assets with their cache headers, config.js with the publishable key
 * (the oldest one not revoked, or DISTRIBUTION_PORTAL_PUBLISHABLE_KEY), bad paths
 * refused with a 4xx, and DISTRIBUTION_PORTAL=off. No publishable key is needed
 * for any of it: /distribution is outside /store.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const get = (url: string) => api.get(url, { validateStatus: () => true, maxRedirects: 0 })
    /** The path exactly as written: a URL parser would resolve "%2e%2e" before sending. */
    const raw = (rawPath: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const base = new URL(api.defaults.baseURL!)
        const request = http.request({ host: base.hostname, port: base.port, path: rawPath, method: "GET" }, (response) => {
          let body = ""
          response.setEncoding("utf8")
          response.on("data", (chunk) => (body += chunk))
          response.on("end", () => resolve({ status: response.statusCode!, body }))
        })
        request.on("error", reject)
        request.end()
      })
    const configOf = async () => {
      const response = await get("/distribution/config.js")
      expect([response.status, response.headers["content-type"], response.headers["cache-control"]]).toEqual([
        200,
        "text/javascript; charset=utf-8",
        "no-cache",
      ])
      return JSON.parse(/^window\.DISTRIBUTION_PORTAL_CONFIG = (.*);\n$/.exec(response.data)![1])
    }

    beforeAll(() => {
      ensurePortalBuilt()
    })

    afterEach(() => {
      delete process.env.DISTRIBUTION_PORTAL
      delete process.env.DISTRIBUTION_PORTAL_PUBLISHABLE_KEY
    })

    it("serves the page (no-cache) and its hashed assets (immutable) at /distribution/, without a publishable key", async () => {
      const bare = await get("/distribution")
      expect([bare.status, bare.headers.location]).toEqual([301, "/distribution/"])
      const withQuery = await get("/distribution?lang=zh-CN")
      expect([withQuery.status, withQuery.headers.location]).toEqual([301, "/distribution/?lang=zh-CN"])

      const index = await get("/distribution/")
      expect([index.status, index.headers["content-type"], index.headers["cache-control"]]).toEqual([200, "text/html; charset=utf-8", "no-cache"])
      expect(index.data).toContain('<script src="./config.js"></script>')
      const scripts = [...(index.data as string).matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((m) => m[1])
      expect(scripts.some((s) => s.endsWith(".js"))).toBe(true)
      expect(scripts.some((s) => s.endsWith(".css"))).toBe(true)
      for (const asset of scripts) {
        const response = await get(`/distribution/${asset}`)
        expect([asset, response.status, response.headers["cache-control"]]).toEqual([asset, 200, "public, max-age=31536000, immutable"])
        expect(response.headers["content-type"]).toBe(asset.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8")
      }
    })

    it("config.js names the oldest publishable key that is not revoked, or the one the environment sets", async () => {
      const apiKeys = getContainer().resolve<IApiKeyModuleService>(Modules.API_KEY)
      const existing = await apiKeys.listApiKeys({ type: ApiKeyType.PUBLISHABLE }, { order: { created_at: "ASC" } })
      expect(await configOf()).toEqual({ storeUrl: "", publishableKey: existing[0]?.token ?? null, lang: null })
      for (const key of existing) await apiKeys.revoke({ id: key.id }, { revoked_by: "test" })
      expect((await configOf()).publishableKey).toBeNull()

      const first = await createPublishableKey(getContainer())
      const second = await createPublishableKey(getContainer())
      expect((await configOf()).publishableKey).toBe(first.token)
      const [firstKey] = await apiKeys.listApiKeys({ token: first.token })
      await apiKeys.revoke({ id: firstKey.id }, { revoked_by: "test" })
      expect((await configOf()).publishableKey).toBe(second.token)

      process.env.DISTRIBUTION_PORTAL_PUBLISHABLE_KEY = "pk_from_the_environment"
      expect((await configOf()).publishableKey).toBe("pk_from_the_environment")
    })

    it("refuses paths that do not decode or that leave the portal with a 400, a missing file with a 404", async () => {
      for (const bad of [
        "/distribution/../package.json",
        "/distribution/..%2f..%2fpackage.json",
        "/distribution/%2e%2e/%2e%2e/package.json",
        "/distribution/assets/..%2F..%2F..%2Fmedusa-config.ts",
        "/distribution/..%5c..%5cpackage.json",
        "/distribution/%E0%A4%A",
        "/distribution/%zz",
        "/distribution/a%00b",
        "/distribution/%ED%A0%80",
      ]) {
        const response = await raw(bad)
        expect([bad, response.status, typeof JSON.parse(response.body).message]).toEqual([bad, 400, "string"])
      }
      const missing = await get("/distribution/assets/nothing.js")
      expect([missing.status, missing.data.message]).toEqual([404, "No such file in the portal"])
    })

    it("DISTRIBUTION_PORTAL=off: nothing is served there", async () => {
      process.env.DISTRIBUTION_PORTAL = "off"
      expect((await get("/distribution/")).status).toBe(404)
      expect((await get("/distribution/config.js")).status).toBe(404)
    })
  },
})
