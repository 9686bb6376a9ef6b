import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId } from "@medusajs/framework/utils"

export type JobRunRow = {
  id: string
  job: string
  started_at: Date
  finished_at: Date | null
  result: Record<string, unknown> | null
  error: string | null
}

/** Closes the job's unfinished run started before `staleBefore` (its instance stopped): it never finished. */
export async function abandonStaleRun(manager: EntityManager, job: string, staleBefore: Date): Promise<void> {
  await manager.execute(
    `UPDATE distribution_job_run SET finished_at = now(), error = 'abandoned: the instance running it stopped', updated_at = now()
      WHERE job = ? AND finished_at IS NULL AND started_at < ? AND deleted_at IS NULL`,
    [job, staleBefore]
  )
}

/** Starts a run unless one of the job is unfinished (the unique index decides between instances): its id, or null. */
export async function claimRun(manager: EntityManager, job: string, now: Date): Promise<string | null> {
  const rows: { id: string }[] = await manager.execute(
    `INSERT INTO distribution_job_run (id, job, started_at) VALUES (?, ?, ?)
       ON CONFLICT (job) WHERE finished_at IS NULL AND deleted_at IS NULL DO NOTHING RETURNING id`,
    [generateEntityId(undefined, "djob"), job, now]
  )
  return rows[0]?.id ?? null
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

export async function latestRuns(manager: EntityManager, job: string, limit: number): Promise<JobRunRow[]> {
  return await manager.execute(
    `SELECT id, job, started_at, finished_at, result, error FROM distribution_job_run
      WHERE job = ? AND deleted_at IS NULL ORDER BY started_at DESC LIMIT ?`,
    [job, limit]
  )
}
