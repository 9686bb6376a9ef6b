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

/**
 * An instant as the wall-clock time of a zone, with the zone's offset:
 * "2026-12-12T00:00:00+08:00" for 2026-12-11T16:00:00Z in Asia/Shanghai.
 */
export function isoInZone(instant: Date, tz: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      timeZoneName: "longOffset",
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value])
  )
  const offset = parts.timeZoneName === "GMT" ? "+00:00" : parts.timeZoneName.replace("GMT", "")
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`
}
