import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { newId } from "../utils/ids"

export type JobRunRow = {
  id: string
  job: string
  started_at: Date
  finished_at: Date | null
  result: Record<string, unknown> | null
  error: string | null
  window_from: Date | null
  window_to: Date | null
  watermark: Date | null
  heartbeat_at: Date | null
}

/** The window a run sweeps: from `window_from` to `window_to`, continuing from `watermark` (null: the first run). */
export type JobRunWindow = { window_from: Date; window_to: Date; watermark: Date | null }

/**
 * Closes the job's unfinished run that has given no sign of life since
 * `staleBefore` (its last heartbeat, or its start when it has none): its
 * instance stopped, and the run never finished.
 */
export async function abandonStaleRun(manager: EntityManager, job: string, staleBefore: Date): Promise<void> {
  await manager.execute(
    `UPDATE distribution_job_run SET finished_at = now(), error = 'abandoned: the instance running it stopped', updated_at = now()
      WHERE job = ? AND finished_at IS NULL AND COALESCE(heartbeat_at, started_at) < ? AND deleted_at IS NULL`,
    [job, staleBefore]
  )
}

/** Starts a run unless one of the job is unfinished (the unique index decides between instances): its id, or null. */
export async function claimRun(manager: EntityManager, job: string, now: Date): Promise<string | null> {
  const rows: { id: string }[] = await manager.execute(
    `INSERT INTO distribution_job_run (id, job, started_at, heartbeat_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (job) WHERE finished_at IS NULL AND deleted_at IS NULL DO NOTHING RETURNING id`,
    [newId("djob"), job, now, now]
  )
  return rows[0]?.id ?? null
}

/** The running instance is alive: stamps its unfinished run (a closed one stays closed). Whether the run is still open. */
export async function touchRun(manager: EntityManager, id: string, at: Date): Promise<boolean> {
  const rows: { id: string }[] = await manager.execute(
    `UPDATE distribution_job_run SET heartbeat_at = ?, updated_at = now() WHERE id = ? AND finished_at IS NULL RETURNING id`,
    [at, id]
  )
  return rows.length > 0
}

export async function finishRun(
  manager: EntityManager,
  id: string,
  outcome: { result?: Record<string, unknown> | null; error?: string | null }
): Promise<void> {
  await manager.execute(
    `UPDATE distribution_job_run SET finished_at = now(), result = ?::jsonb, error = ?, updated_at = now() WHERE id = ?`,
    [outcome.result ? JSON.stringify(outcome.result) : null, outcome.error ?? null, id]
  )
}

export async function recordWindow(manager: EntityManager, id: string, window: JobRunWindow): Promise<void> {
  await manager.execute(
    `UPDATE distribution_job_run SET window_from = ?, window_to = ?, watermark = ?, updated_at = now() WHERE id = ?`,
    [window.window_from, window.window_to, window.watermark, id]
  )
}

/**
 * Where the job's last successful run stopped (its window_to), or null: a failed
 * or abandoned run does not move it, so its window is swept again by the next.
 */
export async function lastWatermark(manager: EntityManager, job: string): Promise<Date | null> {
  const rows: { window_to: Date }[] = await manager.execute(
    `SELECT window_to FROM distribution_job_run
      WHERE job = ? AND finished_at IS NOT NULL AND error IS NULL AND window_to IS NOT NULL AND deleted_at IS NULL
      ORDER BY window_to DESC LIMIT 1`,
    [job]
  )
  return rows[0] ? new Date(rows[0].window_to) : null
}

export async function latestRuns(manager: EntityManager, job: string, limit: number): Promise<JobRunRow[]> {
  return await manager.execute(
    `SELECT id, job, started_at, finished_at, result, error, window_from, window_to, watermark, heartbeat_at FROM distribution_job_run
      WHERE job = ? AND deleted_at IS NULL ORDER BY started_at DESC LIMIT ?`,
    [job, limit]
  )
}
