import IORedis from "ioredis"

/** Deletes every key under `prefix` on the Redis at `url` (a run's queues, cache and locks). */
export async function deleteRedisKeys(url: string, prefix: string) {
  const redis = new IORedis(url, { maxRetriesPerRequest: 3, lazyConnect: true })
  try {
    await redis.connect()
    let cursor = "0"
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000)
      cursor = next
      if (keys.length) await redis.del(...keys)
    } while (cursor !== "0")
  } finally {
    redis.disconnect()
  }
}
