import { IEventBusModuleService, Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

export type DeliveredEvent = { name: string; data: Record<string, unknown> }

let recordings = 0

/**
 * Subscribes to events on the app's real event bus, the way a subscriber of
 * the host app does, and keeps each one delivered (name and payload) in
 * order. Nothing is replaced: the plugin's own subscribers still run.
 */
export function recordEvents(container: MedusaContainer, names: string[]) {
  // An id of its own per recording: a server instance's bus (the HTTP suites' app)
  // keeps an unsubscribed id on its books, so a recording made again with the same
  // id would be refused as a duplicate.
  const id = `test-recorder-${++recordings}`
  const bus = container.resolve<IEventBusModuleService>(Modules.EVENT_BUS)
  const delivered: DeliveredEvent[] = []
  const subscriber = async (event: { name: string; data: unknown }) => {
    delivered.push({ name: event.name, data: event.data as Record<string, unknown> })
  }
  for (const name of names) {
    bus.subscribe(name, subscriber, { subscriberId: `${id}-${name}` })
  }
  return {
    delivered,
    /** The payloads of `name` once `count` of them have been delivered (the bus delivers after the workflow's end). */
    async payloads(name: string, count = 1): Promise<Record<string, unknown>[]> {
      const deadline = Date.now() + 10_000
      for (;;) {
        const found = delivered.filter((e) => e.name === name).map((e) => e.data)
        if (found.length >= count || Date.now() > deadline) {
          return found
        }
        await new Promise((r) => setTimeout(r, 20))
      }
    },
    stop() {
      for (const name of names) {
        bus.unsubscribe(name, subscriber, { subscriberId: `${id}-${name}` })
      }
    },
  }
}

/**
 * Medusa's local event bus catches a subscriber's error and only logs it
 * (`logger.error`); the plugin's subscribers log what they refuse with
 * `logger.warn`. A test that checks an event changed nothing (an expired
 * binding paid nobody, a partial fulfilment started no freeze period) would
 * also pass when the subscriber crashed, so it watches that logger while the
 * event is handled and then asserts nothing was logged.
 */
export function watchSubscriberErrors(container: MedusaContainer) {
  const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  const spies = (["error", "warn"] as const).map((level) => [level, jest.spyOn(logger, level)] as const)
  const text = (a: unknown) => (a instanceof Error ? a.stack ?? a.message : String(a))
  return {
    /** What was logged since the watch began, one line per call. */
    logged: () => spies.flatMap(([level, spy]) => spy.mock.calls.map((args) => `${level}: ${args.map(text).join(" ")}`)),
    stop: () => spies.forEach(([, spy]) => spy.mockRestore()),
  }
}
