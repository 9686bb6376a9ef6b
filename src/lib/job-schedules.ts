/**
 * The plugin's job schedules. A job's schedule is read when Medusa loads the
 * job file, before any module option exists, so an operator who wants another
 * rhythm (or a test that cannot wait an hour) sets it in the environment:
 *
 *   DISTRIBUTION_SETTLE_SCHEDULE     default every 10 minutes
 *   DISTRIBUTION_RECONCILE_SCHEDULE  default every hour at minute 17
 *
 * Any cron expression Medusa accepts (five fields, or six with seconds).
 */
export const SETTLE_SCHEDULE = scheduleFrom("DISTRIBUTION_SETTLE_SCHEDULE", "*/10 * * * *")
export const RECONCILE_SCHEDULE = scheduleFrom("DISTRIBUTION_RECONCILE_SCHEDULE", "17 * * * *")

function scheduleFrom(name: string, fallback: string): string {
  const value = process.env[name]?.trim()
  if (!value) return fallback
  const fields = value.split(/\s+/)
  if (fields.length < 5 || fields.length > 6 || fields.some((f) => !/^[\d*/,\-A-Za-z?LW#]+$/.test(f))) {
    throw new Error(`${name} must be a cron expression of five or six fields, got "${value}"`)
  }
  return fields.join(" ")
}
