import {
  errorHandler,
  type MedusaErrorHandlerFunction,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
} from "@medusajs/framework/http"

/**
 * What no plugin route ever accepts, checked once before any route of the plugin
 * runs, so that each route's own validation only has to speak about meaning:
 *
 * - a path that is not valid percent-encoding (Express would throw while decoding
 *   the id, and Medusa turns that into a 500);
 * - a NUL character or a lone UTF-16 surrogate anywhere in the path, the query or
 *   the body (PostgreSQL refuses the first, and the second is not text at all:
 *   either would fail deep inside a write, after some of it may have happened);
 * - a body that is not JSON: a form post is what another site can make a signed-in
 *   admin's browser send, and Medusa parses url-encoded forms into `req.body`.
 *
 * Each refusal is a 4xx whose message names the part of the request at fault.
 */

/** A NUL, a high surrogate not followed by a low one, or a low one not preceded by a high one. */
const FORBIDDEN = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

export type InputProblem = { status: 400 | 415; message: string }

function describe(char: string): string {
  return char === "\u0000" ? "a NUL character" : "a lone UTF-16 surrogate (not valid Unicode text)"
}

/** The first string (key or value) in `value` that holds a forbidden character, with its path. */
export function findForbiddenText(value: unknown, path: string, depth = 0): string | null {
  if (depth > 32) {
    return `${path} is nested too deeply`
  }
  if (typeof value === "string") {
    const m = FORBIDDEN.exec(value)
    return m ? `${path} contains ${describe(m[0])}` : null
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const problem = findForbiddenText(value[i], `${path}[${i}]`, depth + 1)
      if (problem) return problem
    }
    return null
  }
  if (value && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) {
      const keyMatch = FORBIDDEN.exec(key)
      if (keyMatch) {
        return `a field name in ${path} contains ${describe(keyMatch[0])}`
      }
      const problem = findForbiddenText(v, `${path}.${key}`, depth + 1)
      if (problem) return problem
    }
  }
  return null
}

/** Each segment of the raw path must decode as UTF-8 percent-encoding, to text without NUL. */
export function pathProblem(rawPath: string): string | null {
  for (const segment of rawPath.split("/")) {
    let decoded: string
    try {
      decoded = decodeURIComponent(segment)
    } catch {
      return `The path segment "${segment.slice(0, 80)}" is not valid percent-encoding`
    }
    const m = FORBIDDEN.exec(decoded)
    if (m) {
      return `The path segment "${segment.slice(0, 80)}" contains ${describe(m[0])}`
    }
  }
  return null
}

function hasBody(req: MedusaRequest): boolean {
  const length = req.headers["content-length"]
  return (length !== undefined && length !== "0") || req.headers["transfer-encoding"] !== undefined
}

function isJson(contentType: string | undefined): boolean {
  if (!contentType) return false
  const type = contentType.split(";")[0].trim().toLowerCase()
  return type === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(type)
}

/** The one problem with the request, or null when it may go on to the route. */
export function inputProblem(req: MedusaRequest): InputProblem | null {
  const rawPath = (req.originalUrl ?? req.url).split("?")[0]
  const inPath = pathProblem(rawPath)
  if (inPath) {
    return { status: 400, message: inPath }
  }
  const inQuery = findForbiddenText(req.query, "query")
  if (inQuery) {
    return { status: 400, message: `The ${inQuery}` }
  }
  if (hasBody(req) && !isJson(req.headers["content-type"])) {
    return {
      status: 415,
      message: `The request body must be JSON (Content-Type: application/json), not ${
        req.headers["content-type"] ? `"${String(req.headers["content-type"]).split(";")[0].slice(0, 60)}"` : "untyped"
      }`,
    }
  }
  const inBody = findForbiddenText(req.body, "body")
  if (inBody) {
    return { status: 400, message: `The ${inBody}` }
  }
  return null
}

const PLUGIN_PATH = /^\/(?:admin|store)\/distribution(?:\/|$)/

function refuse(res: MedusaResponse, problem: InputProblem) {
  res.status(problem.status).json({
    type: problem.status === 415 ? "unsupported_media_type" : "invalid_data",
    message: problem.message,
  })
}

/**
 * `?depth=` is a filter left empty, not a filter for 0 (zod's coercion would read
 * "" as 0): empty values are dropped, as if the parameter had not been sent.
 */
export function withoutEmptyValues(query: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(query)) {
    if (value === "") continue
    if (Array.isArray(value)) {
      const values = value.filter((v) => v !== "")
      if (values.length) kept[key] = values
      continue
    }
    kept[key] = value
  }
  return kept
}

export function refuseMalformedInput(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (!PLUGIN_PATH.test(req.originalUrl ?? req.url)) {
    return next()
  }
  const problem = inputProblem(req)
  if (problem) {
    return refuse(res, problem)
  }
  req.query = withoutEmptyValues(req.query as Record<string, unknown>) as typeof req.query
  return next()
}

/**
 * Medusa's error handler, except that an error on a plugin route whose request
 * was malformed answers the 4xx that says why. Express decodes a path's
 * parameters before any middleware of the plugin runs, and Medusa answers the
 * decoding error with a 500. A host app that sets its own error handler
 * replaces this one (it is loaded after the plugin's).
 */
export function distributionErrorHandler(): MedusaErrorHandlerFunction {
  const core = errorHandler()
  return function distributionErrorHandler(err, req, res, next) {
    const problem = PLUGIN_PATH.test(req.originalUrl ?? req.url) ? inputProblem(req as MedusaRequest) : null
    return problem ? refuse(res as MedusaResponse, problem) : core(err, req, res, next)
  }
}
