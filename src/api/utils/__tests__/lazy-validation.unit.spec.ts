import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { validateBody, validateQuery } from "../lazy-validation"

/**
 * The plugin's request validation builds each schema on the first request
 * that needs it, then validates as Medusa's own middleware does: the body or
 * query refused with Medusa's "Invalid request" error, or validated and
 * transformed for the route.
 */
describe("validation built on the first request", () => {
  const run = (middleware: ReturnType<typeof validateBody>, req: Record<string, unknown>) =>
    new Promise<{ error: unknown; req: Record<string, unknown> }>((resolve) => {
      void middleware(req as unknown as MedusaRequest, {} as MedusaResponse, (error?: unknown) => resolve({ error, req }))
    })

  it("builds the body schema once, on the first request, and validates with it", async () => {
    let built = 0
    const middleware = validateBody(() => {
      built++
      return z.object({ reason: z.string().trim().min(1) })
    })
    expect(built).toBe(0)

    const refused = await run(middleware, { body: { reason: "  " } })
    expect(refused.error).toMatchObject({ type: "invalid_data" })
    expect((refused.error as Error).message).toBe("Invalid request: Value for field 'reason' too small, expected at least: '1'")
    expect(refused.req.validatedBody).toBeUndefined()

    const accepted = await run(middleware, { body: { reason: "  fraud  " } })
    expect(accepted.error).toBeUndefined()
    expect(accepted.req.validatedBody).toEqual({ reason: "fraud" })

    const unknownField = await run(middleware, { body: { reason: "x", admin: true } })
    expect(String((unknownField.error as Error).message)).toMatch(/Unrecognized fields: 'admin'/)
    expect(built).toBe(1)
  })

  it("builds the query schema once and hands the route its validated query", async () => {
    let built = 0
    const middleware = validateQuery(() => {
      built++
      return z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) })
    }, {})
    expect(built).toBe(0)
    const request = (query: Record<string, string>) => ({ query, allowed: [], restrictedFields: undefined })
    const page = await run(middleware, request({ limit: "5" }))
    expect(page.error).toBeUndefined()
    expect(page.req.validatedQuery).toEqual({ limit: 5 })
    const tooMany = await run(middleware, request({ limit: "5000" }))
    expect(tooMany.error).toMatchObject({ type: "invalid_data" })
    expect(built).toBe(1)
  })
})
