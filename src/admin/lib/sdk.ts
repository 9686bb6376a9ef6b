import Medusa from "@medusajs/js-sdk"

/** The admin's one client: same origin, the dashboard's session cookie. */
export const sdk = new Medusa({
  baseUrl: import.meta.env.VITE_BACKEND_URL || "/",
  debug: import.meta.env.DEV,
  auth: { type: "session" },
})

type Query = Record<string, string | number | boolean | string[] | undefined | null>

/** A query without its empty values: what the API should not see as a filter. */
export const cleanQuery = (query?: Query) =>
  query
    ? Object.fromEntries(
        Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== "" && !(Array.isArray(v) && !v.length))
      )
    : undefined

/** A query string for a plain link (the CSV exports, which the browser downloads with the session cookie). */
export function exportUrl(path: string, query?: Query) {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(cleanQuery(query) ?? {})) {
    for (const item of Array.isArray(v) ? v : [v]) {
      params.append(k, String(item))
    }
  }
  const base = (import.meta.env.VITE_BACKEND_URL || "").replace(/\/$/, "")
  const qs = params.toString()
  return `${base}${path}${qs ? `?${qs}` : ""}`
}
