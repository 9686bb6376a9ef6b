/**
 * Preloaded into every process of a benchmark server (NODE_OPTIONS="--expose-gc
 * --require …/gc-probe.js", the same for every app measured): on SIGUSR2 the
 * process runs a full garbage collection, then writes process.memoryUsage() to
 * BENCH_GC_DIR/<pid>.json. At start it writes BENCH_GC_DIR/<pid>.ready, so that
 * the benchmark signals only processes that handle the signal.
 */
const fs = require("fs")
const path = require("path")

const dir = process.env.BENCH_GC_DIR
if (dir && typeof global.gc === "function") {
  fs.writeFileSync(path.join(dir, `${process.pid}.ready`), "")
  process.on("SIGUSR2", () => {
    // gc() without options: a full, synchronous collection of the whole heap.
    // (Node 20's V8 does not take `{ type: "major", execution: "sync" }` for
    // one: with it, heapUsed stayed where it was before, dead objects included,
    // so the figures followed whatever the server had allocated since its last
    // collection.) Twice: what the first collection's finalizers release goes
    // in the second.
    global.gc()
    global.gc()
    const usage = process.memoryUsage()
    const file = path.join(dir, `${process.pid}.json`)
    // BENCH_HEAP_SNAPSHOT=1: also what the heap holds, for Chrome's DevTools (written after the figures are taken).
    if (process.env.BENCH_HEAP_SNAPSHOT === "1") {
      require("v8").writeHeapSnapshot(path.join(dir, `${process.pid}-${Date.now()}.heapsnapshot`))
    }
    fs.writeFileSync(`${file}.tmp`, JSON.stringify({ pid: process.pid, at: Date.now(), ...usage }))
    fs.renameSync(`${file}.tmp`, file)
  })
}
