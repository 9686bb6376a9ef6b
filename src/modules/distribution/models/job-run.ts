import { model } from "@medusajs/framework/utils"

/**
 * One run of a plugin job (the scheduled reconcile): when it started and ended,
 * what it found or why it failed. At most one unfinished run per job: the
 * instance that inserts it runs the job, the others skip that tick.
 */
const JobRun = model
  .define({ name: "distribution_job_run", tableName: "distribution_job_run" }, {
    id: model.id({ prefix: "djob" }).primaryKey(),
    job: model.text(),
    started_at: model.dateTime(),
    finished_at: model.dateTime().nullable(),
    result: model.json().nullable(),
    error: model.text().nullable(),
    /** Where the run's window of orders began: its watermark less the overlap, or reconcile_days back on a first run. */
    window_from: model.dateTime().nullable(),
    /** Where it ended (the run's start): the next run's watermark once this one succeeds. */
    window_to: model.dateTime().nullable(),
    /** The window_to of the last successful run it continued from; null when there was none. */
    watermark: model.dateTime().nullable(),
    /** When the instance running it last said it was alive: a run silent for longer than the job's stale time is closed by the next tick. */
    heartbeat_at: model.dateTime().nullable(),
  })
  .indexes([
    { name: "IDX_distribution_job_run_job_started", on: ["job", "started_at"] },
    { name: "IDX_distribution_job_run_one_running", on: ["job"], unique: true, where: "finished_at IS NULL" },
  ])

export default JobRun
