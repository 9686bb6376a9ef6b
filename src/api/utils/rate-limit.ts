import { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ConfigModule, Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE } from "../../modules/distribution"
import DistributionModuleService from "../../modules/distribution/service"
import { RateLimit, RateLimitName } from "../../modules/distribution/types"

/**
 * Fixed-window rate limits on the routes anyone can call or that write money
 * requests: at most `limit` calls per `window_seconds` per caller (a client
 * address, a customer). Counted in Redis when the app has a `redisUrl`, so
 * every instance shares one count; in memory otherwise. A caller over the
 * limit gets a 429 with Retry-After and nothing is done.
 */
export const DEFAULT_RATE_LIMITS: Record<RateLimitName, RateLimit> = {
  visits: { limit: 60, window_seconds: 60 },
  withdrawal_requests: { limit: 60, window_seconds: 60 },
}

type Hit = { count: number; reset_ms: number }
export interface Counters {
  hit(key: string, windowMs: number): Promise<Hit>
  /** Lets go of what the counters hold open (a Redis connection). */
  close(): Promise<void>
}

/** One process's counts: expired windows are swept as new ones open. */
export class MemoryCounters implements Counters {
  private windows = new Map<string, { count: number; ends: number }>()

  async hit(key: string, windowMs: number, now = Date.now()): Promise<Hit> {
    let w = this.windows.get(key)
    if (!w || w.ends <= now) {
      if (this.windows.size > 10_000) {
        for (const [k, v] of this.windows) if (v.ends <= now) this.windows.delete(k)
      }
      w = { count: 0, ends: now + windowMs }
      this.windows.set(key, w)
    }
    w.count += 1
    return { count: w.count, reset_ms: w.ends - now }
  }

  async close(): Promise<void> {
    this.windows.clear()
  }
}

/** INCR and, for a new window, its expiry, atomically: the count every instance sees. */
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { count, redis.call('PTTL', KEYS[1]) }`

type RedisLike = {
  eval(script: string, keys: number, ...args: (string | number)[]): Promise<unknown>
  quit(): Promise<unknown>
}

export const REDIS_KEY_PREFIX = "distribution:rate:"

export class RedisCounters implements Counters {
  constructor(private readonly redis: RedisLike, private readonly prefix = REDIS_KEY_PREFIX) {}

  async hit(key: string, windowMs: number): Promise<Hit> {
    const [count, ttl] = (await this.redis.eval(HIT_SCRIPT, 1, this.prefix + key, windowMs)) as [number, number]
    return { count: Number(count), reset_ms: Math.max(0, Number(ttl)) }
  }

  async close(): Promise<void> {
    await this.redis.quit()
  }
}

/**
 * Counters for an app with this redisUrl (its own connection): in Redis when
 * there is one and ioredis can be loaded (`warn` says why not otherwise), else
 * in this process's memory. `prefix` starts every Redis key.
 */
export function createCounters(url: string | null, options: { prefix?: string; warn?: (message: string) => void } = {}): Counters {
  if (url) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-var-requires
      const Redis = require("ioredis")
      return new RedisCounters(new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true }), options.prefix)
    } catch (error) {
      options.warn?.(`Distribution rate limits count in memory: ioredis could not be loaded (${(error as Error).message})`)
    }
  }
  return new MemoryCounters()
}

let shared: { url: string | null; counters: Counters } | null = null

/** The app's counters, made once per process: see createCounters. */
function countersOf(req: MedusaRequest): Counters {
  const config: ConfigModule = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const url = config.projectConfig.redisUrl ?? null
  if (shared && shared.url === url) {
    return shared.counters
  }
  const counters = createCounters(url, {
    warn: (message) => req.scope.resolve<Logger>(ContainerRegistrationKeys.LOGGER).warn(message),
  })
  shared = { url, counters }
  return counters
}

/** The limit of one kind of call: the plugin's `rate_limits` option, else the default; false turns it off. */
function limitOf(req: MedusaRequest, name: RateLimitName): RateLimit | null {
  const service: DistributionModuleService = req.scope.resolve(DISTRIBUTION_MODULE)
  const configured = service.getOptions().rate_limits?.[name]
  if (configured === false) return null
  return configured ?? DEFAULT_RATE_LIMITS[name]
}

const WHAT: Record<RateLimitName, string> = {
  visits: "visits recorded from this address",
  withdrawal_requests: "withdrawal requests",
}

/** Where a limiter finds its counters and its limit: the app's (the default), or given. */
export type RateLimitSource = {
  counters: (req: MedusaRequest) => Counters
  limit: (req: MedusaRequest, name: RateLimitName) => RateLimit | null
}

/**
 * Middleware: counts the call under `name` for the caller `keyOf` gives and
 * answers 429 over the limit. A counter that cannot be reached lets the call
 * through (and logs it): a limit is a brake, not a gate.
 */
export const rateLimit =
  (
    name: RateLimitName,
    keyOf: (req: MedusaRequest) => string | null | undefined,
    source: RateLimitSource = { counters: countersOf, limit: limitOf }
  ) =>
  async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const limit = source.limit(req, name)
    const caller = keyOf(req)
    if (!limit || !caller) {
      return next()
    }
    let hit: Hit
    try {
      hit = await source.counters(req).hit(`${name}:${caller}`, limit.window_seconds * 1000)
    } catch (error) {
      const logger: Logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
      logger.warn(`Distribution rate limit ${name} not counted: ${(error as Error).message}`)
      return next()
    }
    res.setHeader("RateLimit-Limit", String(limit.limit))
    res.setHeader("RateLimit-Remaining", String(Math.max(0, limit.limit - hit.count)))
    if (hit.count <= limit.limit) {
      return next()
    }
    const seconds = Math.max(1, Math.ceil(hit.reset_ms / 1000))
    res.setHeader("Retry-After", String(seconds))
    res.status(429).json({
      type: "too_many_requests",
      message: `Too many ${WHAT[name]}: at most ${limit.limit} in ${limit.window_seconds} seconds. Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`,
    })
  }

/** The caller of an anonymous route: its client address (behind a proxy, as Express's trust proxy setting reads it). */
export const byAddress = (req: MedusaRequest) => req.ip ?? req.socket?.remoteAddress ?? null

/** The logged-in customer. */
export const byCustomer = (req: MedusaRequest) =>
  (req as MedusaRequest & { auth_context?: { actor_id?: string } }).auth_context?.actor_id ?? null
