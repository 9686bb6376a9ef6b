import { programmeDay } from "./fixtures"
import { distributionModuleTests } from "./module-runner"

jest.setTimeout(120_000)

/** A scheduled job on several instances: one run at a time, a stopped instance's run closed, every run kept. */
distributionModuleTests(({ service, MikroOrmWrapper }) => {
  const day = programmeDay({ service, MikroOrmWrapper })
  const HOUR = 60 * 60 * 1000

  it("lets exactly one of ten instances start a run, the next tick start another once it finished, and closes a run whose instance stopped", async () => {
    const claims = await Promise.all(Array.from({ length: 10 }, () => service.startJobRun({ job: "reconcile", stale_after_ms: 6 * HOUR })))
    const winners = claims.filter(Boolean) as string[]
    expect(winners).toHaveLength(1)
    expect(await service.startJobRun({ job: "reconcile", stale_after_ms: 6 * HOUR })).toBeNull()
    // Another job is not held up.
    expect(await service.startJobRun({ job: "other", stale_after_ms: 6 * HOUR })).not.toBeNull()

    await service.finishJobRun(winners[0], { result: { orders_checked: 3, reversed: 1 } })
    const second = await service.startJobRun({ job: "reconcile", stale_after_ms: 6 * HOUR })
    expect(second).not.toBeNull()

    // Its instance stops: seven hours later the run is closed as abandoned and a new one starts.
    const later = new Date(Date.now() + 7 * HOUR)
    const third = await service.startJobRun({ job: "reconcile", stale_after_ms: 6 * HOUR, now: later })
    expect(third).not.toBeNull()
    const runs = await service.listJobRuns("reconcile")
    expect(runs.map((r) => [r.id, r.finished_at !== null, r.error, r.result])).toEqual([
      [third, false, null, null],
      [second, true, "abandoned: the instance running it stopped", null],
      [winners[0], true, null, { orders_checked: 3, reversed: 1 }],
    ])
    expect(await day.sql("SELECT count(*)::int AS n FROM distribution_job_run WHERE job = 'reconcile' AND finished_at IS NULL")).toEqual([{ n: 1 }])
  })

  it("keeps each run's window, and moves the watermark only with a run that succeeded", async () => {
    const t = (h: number) => new Date(Date.UTC(2026, 10, 1, h))
    expect(await service.lastJobWatermark("reconcile")).toBeNull()

    const first = (await service.startJobRun({ job: "reconcile", stale_after_ms: 6 * HOUR, now: t(1) }))!
    await service.recordJobRunWindow(first, { window_from: t(0), window_to: t(1), watermark: null })
    // Still running: no watermark yet.
    expect(await service.lastJobWatermark("reconcile")).toBeNull()
    await service.finishJobRun(first, { result: { orders_checked: 2 } })
    expect(await service.lastJobWatermark("reconcile")).toEqual(t(1))

    // A run that failed does not move it: the next sweeps that window again.
    const failed = (await service.startJobRun({ job: "reconcile", stale_after_ms: 6 * HOUR, now: t(2) }))!
    await service.recordJobRunWindow(failed, { window_from: t(1), window_to: t(2), watermark: t(1) })
    await service.finishJobRun(failed, { error: "database unavailable" })
    expect(await service.lastJobWatermark("reconcile")).toEqual(t(1))

    // Nor does one whose instance stopped (closed as abandoned by the next claim).
    const stopped = (await service.startJobRun({ job: "reconcile", stale_after_ms: 6 * HOUR, now: t(3) }))!
    await service.recordJobRunWindow(stopped, { window_from: t(1), window_to: t(3), watermark: t(1) })
    const next = (await service.startJobRun({ job: "reconcile", stale_after_ms: 6 * HOUR, now: t(10) }))!
    expect(await service.lastJobWatermark("reconcile")).toEqual(t(1))
    await service.recordJobRunWindow(next, { window_from: t(1), window_to: t(10), watermark: t(1) })
    await service.finishJobRun(next, { result: { orders_checked: 0 } })
    expect(await service.lastJobWatermark("reconcile")).toEqual(t(10))
    // Another job's runs are its own.
    expect(await service.lastJobWatermark("other")).toBeNull()

    const runs = await service.listJobRuns("reconcile")
    expect(runs.map((r) => [r.id, r.error, r.window_from, r.window_to, r.watermark])).toEqual([
      [next, null, t(1), t(10), t(1)],
      [stopped, "abandoned: the instance running it stopped", t(1), t(3), t(1)],
      [failed, "database unavailable", t(1), t(2), t(1)],
      [first, null, t(0), t(1), null],
    ])
  })

  it("keeps a run alive while its instance beats, and closes it once the beats stop; a closed run's beat reopens nothing", async () => {
    const MIN = 60 * 1000
    const t = (m: number) => new Date(Date.UTC(2026, 10, 2, 10, m))
    const run = (await service.startJobRun({ job: "reconcile", stale_after_ms: 5 * MIN, now: t(0) }))!
    // Beats at 4 and 8 minutes: at 12 the run has been silent 4 minutes, so it goes on (the tick skips).
    expect(await service.touchJobRun(run, t(4))).toBe(true)
    expect(await service.touchJobRun(run, t(8))).toBe(true)
    expect(await service.startJobRun({ job: "reconcile", stale_after_ms: 5 * MIN, now: t(12) })).toBeNull()
    // Its instance is killed after the last beat: at 14 it has been silent 6 minutes.
    const next = await service.startJobRun({ job: "reconcile", stale_after_ms: 5 * MIN, now: t(14) })
    expect(next).not.toBeNull()
    // A beat from the old run, late, changes nothing: it stays closed, the new one runs.
    expect(await service.touchJobRun(run, t(15))).toBe(false)
    const runs = await service.listJobRuns("reconcile")
    expect(runs.map((r) => [r.id, r.finished_at !== null, r.error, r.heartbeat_at])).toEqual([
      [next, false, null, t(14)],
      [run, true, "abandoned: the instance running it stopped", t(8)],
    ])

    // A run kept from before the heartbeat (none stamped) counts from its start.
    await service.finishJobRun(next!, { result: { orders_checked: 0 } })
    await day.sql(
      "INSERT INTO distribution_job_run (id, job, started_at) VALUES ('djob_legacy', 'reconcile', '2026-11-02T11:00:00Z')"
    )
    expect(await service.startJobRun({ job: "reconcile", stale_after_ms: 5 * MIN, now: t(63) })).toBeNull()
    expect(await service.startJobRun({ job: "reconcile", stale_after_ms: 5 * MIN, now: t(66) })).not.toBeNull()
    expect(await day.sql("SELECT error FROM distribution_job_run WHERE id = 'djob_legacy'")).toEqual([
      { error: "abandoned: the instance running it stopped" },
    ])
  })
})
