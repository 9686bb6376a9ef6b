import { MedusaNextFunction, MedusaRequest, MedusaResponse, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"

type Middleware = (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => unknown

/**
 * Request validation whose schema is built on the first request that needs it.
 *
 * Zod 4 gives every schema instance its own set of about forty method
 * closures, and each `.optional()`, `.min()` or `.describe()` is another
 * instance: the plugin's routes hold about two thousand of them, which took
 * about 10 MB of every server's heap when they were built at boot, whether or
 * not a route was ever called (a storefront's instance never calls the admin's,
 * a worker none). Each resource's middlewares require its `validators` module
 * through these, so that it is loaded, and its schemas built, on the first
 * request to one of its routes; the validation itself is Medusa's own.
 */
function onFirstRequest(build: () => Middleware): Middleware {
  let middleware: Middleware | undefined
  return (req, res, next) => (middleware ??= build())(req, res, next)
}

/** Medusa's validateAndTransformBody, with the schema built on the first request. */
export const validateBody = (schema: () => z.ZodType) => onFirstRequest(() => validateAndTransformBody(schema()) as Middleware)

/** Medusa's validateAndTransformQuery, with the schema built on the first request. */
export const validateQuery = (schema: () => z.ZodType, config: Parameters<typeof validateAndTransformQuery>[1]) =>
  onFirstRequest(() => validateAndTransformQuery(schema(), config) as Middleware)
