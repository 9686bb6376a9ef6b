import axios from "axios"
import express from "express"
import type { Server } from "http"
import type { AddressInfo } from "net"
import { byAddress, Counters, createCounters, rateLimit } from "../rate-limit"

/**
 * The visits limiter of two app instances counting in one real Redis (npm test
 * gives this kind REDIS_URL; by default the local one): each instance has its
 * own connection, as two servers would, and the callers' budget is one. Keys
 * carry a prefix of this run, so runs at the same time do not meet.
 */
const REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379"
const PREFIX = `distribution:test:${process.pid}:${Date.now()}:`
const LIMIT = { limit: 3, window_seconds: 3 }

type Instance = { post: () => Promise<{ status: number; headers: Record<string, string>; data: { type?: string; message?: string } }>; close: () => Promise<void> }

/** One app instance: its counters and the visits route behind the limiter, on a port of its own. */
async function instance(counters: Counters): Promise<Instance> {
  const app = express()
  const limiter = rateLimit("visits", byAddress, { counters: () => counters, limit: () => LIMIT })
  app.post("/store/distribution/visits", limiter as unknown as express.RequestHandler, (_req, res) => {
    res.status(201).json({ recorded: true })
  })
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s))
  })
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/store/distribution/visits`
  return {
    post: async () => {
      const r = await axios.post(url, {}, { validateStatus: () => true })
      return { status: r.status, headers: r.headers as Record<string, string>, data: r.data }
    },
    close: async () => {
      await new Promise((resolve) => server.close(resolve))
      await counters.close()
    },
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe("rate limits counted in Redis", () => {
  const opened: Instance[] = []
  const open = async (counters: Counters) => {
    const i = await instance(counters)
    opened.push(i)
    return i
  }
  afterAll(async () => {
    await Promise.all(opened.map((i) => i.close()))
  })

  it("gives two instances one budget: the fourth call, on either, gets 429 with Retry-After, and the window's end opens it again", async () => {
    const a = await open(createCounters(REDIS_URL, { prefix: PREFIX }))
    const b = await open(createCounters(REDIS_URL, { prefix: PREFIX }))

    const first = [await a.post(), await b.post(), await a.post()]
    expect(first.map((r) => [r.status, r.headers["ratelimit-remaining"]])).toEqual([
      [201, "2"],
      [201, "1"],
      [201, "0"],
    ])
    const refused = [await b.post(), await a.post()]
    for (const r of refused) {
      expect(r.status).toBe(429)
      expect(r.data.type).toBe("too_many_requests")
      expect(r.data.message).toMatch(/^Too many visits recorded from this address: at most 3 in 3 seconds\. Try again in [123] seconds?\.$/)
      expect(Number(r.headers["retry-after"])).toBeGreaterThanOrEqual(1)
      expect(Number(r.headers["retry-after"])).toBeLessThanOrEqual(3)
    }

    // The count is Redis's: one key of this run, five calls, expiring with the window.
    const Redis = require("ioredis")
    const redis = new Redis(REDIS_URL)
    try {
      const keys: string[] = await redis.keys(`${PREFIX}*`)
      expect(keys).toHaveLength(1)
      expect(keys[0]).toMatch(new RegExp(`^${PREFIX}visits:`))
      expect(await redis.get(keys[0])).toBe("5")
      const ttl = await redis.pttl(keys[0])
      expect(ttl).toBeGreaterThan(0)
      expect(ttl).toBeLessThanOrEqual(3000)

      // Retry-After is honest: once it has passed, the window is new and the budget whole.
      await sleep(Number(refused[1].headers["retry-after"]) * 1000 + 100)
      const again = await b.post()
      expect([again.status, again.headers["ratelimit-remaining"]]).toEqual([201, "2"])
      expect(await redis.get(keys[0])).toBe("1")
    } finally {
      await redis.quit()
    }
  })

  it("counts in each process's memory without Redis: two instances, two budgets", async () => {
    const a = await open(createCounters(null))
    const b = await open(createCounters(null))
    const calls = [await a.post(), await a.post(), await a.post(), await b.post(), await b.post(), await b.post()]
    expect(calls.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201])
    expect((await a.post()).status).toBe(429)
    expect((await b.post()).status).toBe(429)
  })
})
