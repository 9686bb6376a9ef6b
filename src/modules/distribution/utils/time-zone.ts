import { MedusaError } from "@medusajs/framework/utils"

/** True for a zone the JavaScript runtime knows (an IANA name such as Asia/Shanghai, or UTC). */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value })
    return true
  } catch {
    return false
  }
}

/**
 * Runs a query that takes a time zone. The validators know the zones of the
 * JavaScript runtime; PostgreSQL's own list may lack a new one, which is the
 * caller's input to fix (a 400), not a server error.
 */
export async function withDatabaseZone<T>(tz: string, query: () => Promise<T>): Promise<T> {
  try {
    return await query()
  } catch (error) {
    if (/time zone .* not recognized/.test((error as Error).message ?? "")) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `The database does not know the time zone ${tz}`)
    }
    throw error
  }
}
