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
})
