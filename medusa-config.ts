import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

/**
 * Medusa's Redis modules, as docs/production.md recommends them for several
 * instances on one database: the event bus (an event emitted on one instance
 * is handled once, on one of the instances that run subscribers), the workflow
 * engine (each tick of a scheduled job runs on one instance), the cache and the
 * locking provider. Off unless DISTRIBUTION_REDIS_MODULES=true, so that the
 * demo and the tests keep Medusa's in-memory defaults (npm test's cluster kind
 * switches them on). DISTRIBUTION_REDIS_PREFIX, when set, keeps their queues
 * and keys apart from another app's on the same Redis.
 */
function redisModules(redisUrl: string | undefined, prefix: string | undefined) {
  if (!redisUrl) {
    throw new Error("DISTRIBUTION_REDIS_MODULES=true needs REDIS_URL")
  }
  const queues = prefix ? { queueOptions: { prefix }, workerOptions: { prefix } } : {}
  const namespace = (name: string) => (prefix ? { namespace: `${prefix}:${name}` } : {})
  return [
    { resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl, ...queues } },
    { resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { redisUrl, ...queues } } },
    { resolve: "@medusajs/medusa/cache-redis", options: { redisUrl, ...namespace("cache") } },
    {
      resolve: "@medusajs/medusa/locking",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/locking-redis",
            id: "locking-redis",
            is_default: true,
            options: { redisUrl, ...namespace("lock:") },
          },
        ],
      },
    },
  ]
}

/**
 * Boots this repository as a Medusa app with the plugin's own code loaded (the
 * demo and the HTTP tests use it). `src/` is loaded as the project plugin; the
 * module is registered here because modules are not picked up by that path.
 * A host app installs the plugin with `plugins: [...]` instead (see README).
 */
module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    redisUrl: process.env.REDIS_URL,
    workerMode: (process.env.MEDUSA_WORKER_MODE as "shared" | "worker" | "server") || "shared",
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000,http://localhost:5173",
      authCors:
        process.env.AUTH_CORS || "http://localhost:8000,http://localhost:9000,http://localhost:5173",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  admin: {
    disable: process.env.DISABLE_MEDUSA_ADMIN === "true",
    backendUrl: process.env.MEDUSA_BACKEND_URL || "/",
  },
  modules: [
    {
      resolve: "./src/modules/distribution",
      options: {
        store_url: process.env.DISTRIBUTION_STORE_URL || "http://localhost:8000",
      },
    },
    ...(process.env.DISTRIBUTION_REDIS_MODULES === "true"
      ? redisModules(process.env.REDIS_URL, process.env.DISTRIBUTION_REDIS_PREFIX)
      : []),
  ],
})
