import { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * Refuses a `fields` selection that names anything outside the route's
 * allow-list, with a 400 that says what was refused and what may be asked for.
 * Medusa's own field filters drop such fields silently, and a relation
 * expanded in full (`*distributors`) gets past a list of disallowed names, so
 * the routes that accept `fields` allow only what they list: an encrypted
 * column (application data, payout account) is on no list.
 */
export function allowFields(allowed: readonly string[]) {
  const permitted = new Set(allowed)
  return (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const refused = requestedFields(req.query.fields).filter((f) => !permitted.has(f))
    if (!refused.length) {
      return next()
    }
    next(
      new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `fields: ${refused.join(", ")} cannot be selected on this route; choose among ${allowed.join(", ")}`
      )
    )
  }
}

/**
 * What a `fields` parameter selects, as Medusa reads it (`+a`, ` a` and `a`
 * add a field; `-a` removes one and selects nothing), a relation in full
 * written `*relation` whether it came as `*relation` or `relation.*`.
 */
function requestedFields(raw: unknown): string[] {
  if (raw === undefined) {
    return []
  }
  return (Array.isArray(raw) ? raw : [raw])
    .flatMap((value) => (typeof value === "string" ? value.split(",") : [String(value)]))
    .map((f) => f.replace(/^[+ \t]+/, "").trim())
    .filter((f) => f && !f.startsWith("-"))
    .map((f) => (f.endsWith(".*") ? `*${f.slice(0, -2)}` : f))
}
