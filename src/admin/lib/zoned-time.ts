/**
 * A sale's window is typed as wall-clock times of its time zone (a
 * datetime-local input, "2026-12-12T00:00") and sent as instants with that
 * zone's offset ("2026-12-12T00:00:00+08:00"), whatever zone the admin's
 * browser is in.
 */

export { wallClockOfInstant, wallClockToIso } from "../../modules/distribution/utils/wall-clock"

/** A sale's local time as the API gives it ("2026-12-12T00:00:00+08:00") as a datetime-local value ("2026-12-12T00:00"). */
export const wallClockOf = (local: string) => local.slice(0, 16)

/** The zone the admin's browser is in: the default of a new sale. */
export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC"
