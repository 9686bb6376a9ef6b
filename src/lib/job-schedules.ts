/**
 * The plugin's job schedules. A job's schedule is read when Medusa loads the
 * job file, before any module option exists, so an operator who wants another
 * rhythm (or a test that cannot wait an hour) sets it in the environment:
 *
 *   DISTRIBUTION_SETTLE_SCHEDULE     default every 10 minutes
 *   DISTRIBUTION_RECONCILE_SCHEDULE  default every hour at minute 17
 *   DISTRIBUTION_SALE_EVENTS_SCHEDULE default every minute (a sale's start or end is announced within it)
 *   DISTRIBUTION_GROUPS_SCHEDULE     default every minute (拼团 seats released, expired groups settled, refunds made)
 *   DISTRIBUTION_RESERVATIONS_SCHEDULE default every minute (an expired activity reservation is released within it)
 *
 * Any cron expression Medusa accepts (five fields, or six with seconds).
 *
 *   DISTRIBUTION_JOB_STALE_AFTER     default 300 (seconds, 10 to 86400)
 *
 * How long a run of the reconcile job may stay silent before the next tick
 * takes it for dead (its instance was killed) and runs in its place; the
 * running instance stamps its run ten times in that time.
 */
export const SETTLE_SCHEDULE = scheduleFrom("DISTRIBUTION_SETTLE_SCHEDULE", "*/10 * * * *")
export const RECONCILE_SCHEDULE = scheduleFrom("DISTRIBUTION_RECONCILE_SCHEDULE", "17 * * * *")
export const SALE_EVENTS_SCHEDULE = scheduleFrom("DISTRIBUTION_SALE_EVENTS_SCHEDULE", "* * * * *")
export const GROUPS_SCHEDULE = scheduleFrom("DISTRIBUTION_GROUPS_SCHEDULE", "* * * * *")
export const RESERVATIONS_SCHEDULE = scheduleFrom("DISTRIBUTION_RESERVATIONS_SCHEDULE", "* * * * *")

export const JOB_STALE_AFTER_MS = secondsFrom("DISTRIBUTION_JOB_STALE_AFTER", 300, 10, 86_400) * 1000
export const JOB_HEARTBEAT_MS = JOB_STALE_AFTER_MS / 10

function secondsFrom(name: string, fallback: number, min: number, max: number): number {
  const value = process.env[name]?.trim()
  if (!value) return fallback
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new Error(`${name} must be a whole number of seconds from ${min} to ${max}, got "${value}"`)
  }
  return Number(value)
}

function scheduleFrom(name: string, fallback: string): string {
  const value = process.env[name]?.trim()
  if (!value) return fallback
  const fields = value.split(/\s+/)
  if (fields.length < 5 || fields.length > 6 || fields.some((f) => !/^[\d*/,\-A-Za-z?LW#]+$/.test(f))) {
    throw new Error(`${name} must be a cron expression of five or six fields, got "${value}"`)
  }
  return fields.join(" ")
}
