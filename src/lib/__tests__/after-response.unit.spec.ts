import http from "node:http"
import type { AddressInfo } from "node:net"
import express from "express"
import { service as LocalEventBusService } from "@medusajs/event-bus-local"
import { afterResponse, trackResponse } from "../after-response"

/**
 * Medusa's own in-memory event bus, a real HTTP server and the way Medusa's
 * complete-cart route works: the workflow releases its grouped events, then
 * the route reads the order back and answers.
 */
const silent = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} }

async function serve(app: express.Express) {
  const server = http.createServer(app)
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return { url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe("afterResponse", () => {
  let seq = 0
  const eventName = () => `order.placed.test-${++seq}`

  async function checkout({ wait }: { wait: boolean }) {
    const bus = new LocalEventBusService({ logger: silent } as never, {}, {} as never)
    const name = eventName()
    const log: string[] = []
    let worked!: () => void
    const work = new Promise<void>((resolve) => (worked = resolve))
    bus.subscribe(
      name,
      async () => {
        if (wait) {
          await afterResponse()
        }
        log.push("subscriber works")
        worked()
      },
      { subscriberId: `test-${seq}` }
    )
    const app = express()
    app.post("/store/carts/:id/complete", trackResponse, async (_req, res) => {
      res.once("finish", () => log.push("response sent"))
      await bus.emit({ name, data: { id: "order_1" }, metadata: { eventGroupId: "group_1" } })
      await bus.releaseGroupedEvents("group_1")
      await tick(30) // the route reads the order back
      res.json({ type: "order" })
    })
    const server = await serve(app)
    try {
      const response = await fetch(`${server.url}/store/carts/cart_1/complete`, { method: "POST" })
      expect(response.status).toBe(200)
      expect(await response.json()).toEqual({ type: "order" })
      await work
      return log
    } finally {
      await server.close()
    }
  }

  it("holds an order.placed subscriber until the checkout's response has been sent", async () => {
    expect(await checkout({ wait: true })).toEqual(["response sent", "subscriber works"])
  })

  it("is needed: without it Medusa's in-memory bus runs the subscriber while the response is being prepared", async () => {
    expect(await checkout({ wait: false })).toEqual(["subscriber works", "response sent"])
  })

  it("resolves at once outside a tracked request (a queue, a job, a replay)", async () => {
    const started = Date.now()
    await afterResponse()
    expect(Date.now() - started).toBeLessThan(20)
  })

  it("stops waiting when the client goes away, and after at most its cap", async () => {
    const log: string[] = []
    const app = express()
    app.get("/never", trackResponse, (_req, _res) => {
      afterResponse().then(() => log.push("client gone"))
    })
    app.get("/slow", trackResponse, (_req, res) => {
      const started = Date.now()
      afterResponse(50).then(() => {
        log.push(`capped after ${Date.now() - started >= 45 ? "the cap" : "too little"}`)
        res.end()
      })
    })
    const server = await serve(app)
    try {
      const controller = new AbortController()
      const never = fetch(`${server.url}/never`, { signal: controller.signal }).catch((e: Error) => e.name)
      await tick(30)
      expect(log).toEqual([])
      controller.abort()
      expect(await never).toBe("AbortError")
      for (let i = 0; i < 50 && log.length < 1; i++) await tick(10)
      expect(log).toEqual(["client gone"])
      const slow = await fetch(`${server.url}/slow`)
      expect(slow.status).toBe(200)
      expect(log).toEqual(["client gone", "capped after the cap"])
    } finally {
      await server.close()
    }
  })
})
