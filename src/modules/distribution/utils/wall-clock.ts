/**
 * Wall-clock times of a time zone as instants: the one home of the rule, for
 * the admin (a sale's window typed as local times) and the server (a flash
 * sale's daily slots). No imports: the admin bundle reads it too.
 */

const pad = (n: number) => String(n).padStart(2, "0")

/** The offset of `tz` at an instant, in minutes east of UTC. */
export function offsetMinutes(instant: number, tz: string) {
  const name =
    new Intl.DateTimeFormat("en-US", { timeZone: tz, timeZoneName: "longOffset" })
      .formatToParts(new Date(instant))
      .find((p) => p.type === "timeZoneName")?.value ?? "GMT"
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name)
  return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0
}

/**
 * "2026-12-12T00:00" in Asia/Shanghai → "2026-12-12T00:00:00+08:00"; null when
 * the text is not a whole date and time. A time a daylight-saving change skips
 * takes the offset in force after the change.
 */
export function wallClockToIso(wall: string, tz: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(wall)
  if (!m) return null
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]))
  // The offset at the first guess, then at the instant it gives (across a change of offset the two differ).
  const offset = offsetMinutes(asUtc - offsetMinutes(asUtc, tz) * 60_000, tz)
  const abs = Math.abs(offset)
  return `${wall}:00${offset < 0 ? "-" : "+"}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}

/** The calendar date ("2026-12-12") of `instant` in `tz`. */
export function localDate(instant: Date, tz: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit" })
      .formatToParts(instant)
      .map((p) => [p.type, p.value])
  )
  return `${parts.year}-${parts.month}-${parts.day}`
}

/** A calendar date `days` later ("2026-12-31" + 1 → "2027-01-01"). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number)
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

/** An instant as the wall-clock time of `tz` ("2026-12-11T16:00:00Z" in Asia/Shanghai → "2026-12-12T00:00"): what a datetime-local input shows. */
export function wallClockOfInstant(instant: Date | string, tz: string): string {
  const at = new Date(instant).getTime()
  return new Date(at + offsetMinutes(at, tz) * 60_000).toISOString().slice(0, 16)
}
