import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdmin, createPublishableKey, Headers, registerCustomer } from "../helpers/auth"
import { failure, makeDistributor, service, uniqueEmail, updateSettings } from "../helpers/distribution"
import { pluginTables } from "../helpers/tables"

jest.setTimeout(180_000)

/**
 * Requests no plugin route may take: broken percent-encoding, NUL characters and
 * lone surrogates anywhere, and bodies that are not JSON (a form post is what
 * another site can make a signed-in admin's browser send). Each is a 4xx that
 * names the problem, and the plugin's tables are exactly as they were.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let pk: string
    let admin: Headers
    let applicant: { id: string; customer: Headers }

    beforeAll(async () => {
      const container = getContainer()
      pk = (await createPublishableKey(container)).token
      admin = await createAdmin(container)
      await updateSettings(api, admin, { application_mode: "review" })
      const customer = await registerCustomer(api, pk, { email: uniqueEmail("Lin"), first_name: "Lin", last_name: "Wei" })
      const applied = await api.post(
        "/store/distribution/apply",
        { name: "Lin Wei", phone: "13800138000", reason: "I share products with friends" },
        customer
      )
      applicant = { id: applied.data.distributor.id, customer }
    })

    const unchanged = async (requests: (() => Promise<unknown>)[], expected: (r: { status: number; data: { message: string; type: string } }) => void) => {
      const before = await pluginTables(dbConnection)
      for (const send of requests) {
        expected(await failure(send()))
      }
      expect(await pluginTables(dbConnection)).toEqual(before)
    }

    it("answers 400 to a path id that is not valid percent-encoding or holds a NUL, on every kind of route", async () => {
      const paths = [
        ["get", "/admin/distribution/distributors/%E0%A4%A"],
        ["get", "/admin/distribution/levels/%zz"],
        ["post", "/admin/distribution/distributors/%E0%A4%A/approve"],
        ["delete", "/admin/distribution/commission-rules/%C3"],
        ["get", "/admin/distribution/distributors/dist_x%00"],
        ["post", "/admin/distribution/withdrawals/%ED%A0%80/approve"],
      ] as const
      await unchanged(
        paths.map(([method, path]) => () => (method === "get" || method === "delete" ? api[method](path, admin) : api.post(path, {}, admin))),
        (r) => {
          expect(r.status).toBe(400)
          expect(r.data.type).toBe("invalid_data")
          expect(r.data.message).toMatch(/^The path segment "%?[^"]*" (is not valid percent-encoding|contains a NUL character)$/)
        }
      )
      const store = await failure(api.get("/store/distribution/withdrawals/%E0%A4%A", applicant.customer))
      expect(store.status).toBe(400)
      expect(store.data.message).toBe('The path segment "%E0%A4%A" is not valid percent-encoding')
    })

    it("answers 400 to a NUL in a query or a NUL or lone surrogate in a body, and writes nothing", async () => {
      await unchanged(
        [
          () => api.get("/admin/distribution/distributors?q=chen%00", admin),
          () => api.get("/admin/distribution/commissions?order_id=order_1%00", admin),
          () => api.get("/store/distribution/commissions?status=pending%00", applicant.customer),
        ],
        (r) => {
          expect(r.status).toBe(400)
          expect(r.data.message).toMatch(/^The query\.\w+ contains a NUL character$/)
        }
      )
      await unchanged(
        [
          () => api.post(`/admin/distribution/distributors/${applicant.id}/reject`, { reason: "fake \uD800 name" }, admin),
          () => api.post("/admin/distribution/levels", { name: "Gold\u0000", rank: 9, rate_bps_1: 100 }, admin),
          () => api.post("/store/distribution/bind", { code: "AB\uDFFFCD" }, applicant.customer),
        ],
        (r) => {
          expect(r.status).toBe(400)
          expect(r.data.message).toMatch(/^The body\.(reason|name|code) contains (a NUL character|a lone UTF-16 surrogate \(not valid Unicode text\))$/)
        }
      )
      const still = await service(getContainer()).retrieveDistributor(applicant.id)
      expect(still.status).toBe("pending")
    })

    it("refuses a form post, multipart or XML body with 415, so a cross-site form can change nothing", async () => {
      const form = { headers: { ...admin.headers, "content-type": "application/x-www-form-urlencoded" } }
      await unchanged(
        [
          () => api.post(`/admin/distribution/distributors/${applicant.id}/approve`, "note=ok", form),
          () => api.post(`/admin/distribution/distributors/${applicant.id}/reject`, "reason=spam", form),
          () =>
            api.post(`/admin/distribution/distributors/${applicant.id}/approve`, "--x\r\n\r\n--x--", {
              headers: { ...admin.headers, "content-type": "multipart/form-data; boundary=x" },
            }),
          () =>
            api.post("/admin/distribution/settings", "<settings><enabled>false</enabled></settings>", {
              headers: { ...admin.headers, "content-type": "application/xml" },
            }),
          () =>
            api.post("/store/distribution/apply", "name=x", {
              headers: { ...applicant.customer.headers, "content-type": "text/plain" },
            }),
        ],
        (r) => {
          expect(r.status).toBe(415)
          expect(r.data.message).toMatch(/^The request body must be JSON \(Content-Type: application\/json\), not "[a-z/+-]+"$/)
        }
      )
      expect((await service(getContainer()).retrieveDistributor(applicant.id)).status).toBe("pending")

      // The same decision as JSON goes through: the refusals above were about the body's type alone.
      const approved = await api.post(`/admin/distribution/distributors/${applicant.id}/approve`, {}, admin)
      expect(approved.status).toBe(200)
      expect(approved.data.distributor.status).toBe("active")
    })
  
    it("reads an empty query value as no filter, never as 0", async () => {
      await updateSettings(api, admin, { application_mode: "auto" })
      const founder = await makeDistributor(api, { pk, admin }, { name: "Zhou" })
      const recruit = await makeDistributor(api, { pk, admin }, { name: "Qian", parent: founder })
      const all = await api.get("/admin/distribution/distributors?limit=50", admin)
      const empty = await api.get("/admin/distribution/distributors?limit=50&depth=", admin)
      const zero = await api.get("/admin/distribution/distributors?limit=50&depth=0", admin)
      const ids = (r: { data: { distributors: { id: string }[] } }) => r.data.distributors.map((d) => d.id).sort()
      expect(ids(empty)).toEqual(ids(all))
      expect(ids(empty)).toContain(recruit.distributor_id)
      expect(ids(zero)).not.toContain(recruit.distributor_id)
      expect(ids(zero)).toContain(founder.distributor_id)
    })
  },
})
