import { AsyncLocalStorage } from "node:async_hooks"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

/**
 * Work that an HTTP request causes but its caller does not wait for.
 *
 * Medusa's in-memory event bus starts an event's subscribers as soon as the
 * workflow that emitted it releases its events, inside the request that ran
 * the workflow and before the route has written its response: the complete-cart
 * route still reads the order back after that. A subscriber that starts then
 * (crediting an order's commissions, consuming its 秒杀 reservation) takes its
 * CPU and its database connections from the very checkout whose buyer is
 * waiting. `afterResponse()` lets such a subscriber wait until that response
 * has been sent.
 *
 * The request is known through Node's AsyncLocalStorage: `trackResponse`, the
 * middleware of the routes that place orders, runs the rest of the request in
 * a context holding "this response is done", and everything the request starts
 * (the workflow, the event bus's emit, the subscribers) inherits it. An event
 * taken from a queue (Medusa's Redis event bus), a job, a replay or a worker
 * instance carries no such context: there `afterResponse()` resolves at once.
 *
 * Nothing is lost by waiting: the event is delivered once either way, and a
 * process that dies before the work ran leaves what a crash anywhere in the
 * subscriber leaves, which the reconcile job repairs (docs/production.md).
 */
const responses = new AsyncLocalStorage<Promise<void>>()

/** The longest a subscriber waits for a response (a client that never reads one). */
export const AFTER_RESPONSE_MAX_WAIT_MS = 10_000

/** Middleware: what this request starts can wait for its response with `afterResponse()`. */
export function trackResponse(_req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const sent = new Promise<void>((resolve) => {
    res.once("finish", () => resolve())
    res.once("close", () => resolve())
  })
  responses.run(sent, () => next())
}

/**
 * Resolves once the response of the HTTP request that caused the current work
 * has been sent (or closed), at most `maxWaitMs` later; at once outside such a
 * request.
 */
export function afterResponse(maxWaitMs = AFTER_RESPONSE_MAX_WAIT_MS): Promise<void> {
  const sent = responses.getStore()
  if (!sent) {
    return Promise.resolve()
  }
  let timer: NodeJS.Timeout | undefined
  const cap = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, maxWaitMs)
    timer.unref()
  })
  return Promise.race([sent, cap]).finally(() => clearTimeout(timer))
}
