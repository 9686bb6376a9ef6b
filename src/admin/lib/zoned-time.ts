/**
 * A sale's window is typed as wall-clock times of its time zone (a
 * datetime-local input, "2026-12-12T00:00") and sent as instants with that
 * zone's offset ("2026-12-12T00:00:00+08:00"), whatever zone the admin's
 * browser is in.
 */

const pad = (n: number) => String(n).padStart(2, "0")

/** The offset of `tz` at an instant, in minutes east of UTC. */
function offsetMinutes(instant: number, tz: string) {
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

/** A sale's local time as the API gives it ("2026-12-12T00:00:00+08:00") as a datetime-local value ("2026-12-12T00:00"). */
export const wallClockOf = (local: string) => local.slice(0, 16)

/** The zone the admin's browser is in: the default of a new sale. */
export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC"
