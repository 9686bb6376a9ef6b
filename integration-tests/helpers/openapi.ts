import Ajv2020, { ValidateFunction } from "ajv/dist/2020"
import axios, { AxiosInstance, AxiosResponse } from "axios"
import { buildOpenApiDocument } from "../../src/api/openapi/document"

/**
 * Checks real responses of the plugin's routes against the OpenAPI document:
 * every /store/distribution and /admin/distribution response must be a
 * documented status of a documented route, its JSON body must match the
 * status's schema (an amount is an Amount string, never a number), and no
 * raw_* column may leave anywhere in it. A mismatch rejects the request, so the
 * test that made it fails with the reason.
 */
type Operation = {
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: object }> }>
}
type Document = ReturnType<typeof buildOpenApiDocument>

const PLUGIN_PATH = /^\/(store|admin)\/distribution(\/|$)/

let compiled: { document: Document; routes: { method: string; pattern: RegExp; template: string; operation: Operation }[] } | undefined
const validators = new Map<string, ValidateFunction>()
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false })

function load() {
  if (!compiled) {
    const document = buildOpenApiDocument()
    const routes = Object.entries(document.paths).flatMap(([template, methods]) =>
      Object.entries(methods as Record<string, Operation>).map(([method, operation]) => ({
        method,
        template,
        operation,
        pattern: new RegExp(`^${template.replace(/\./g, "\\.").replace(/\{[^}]+\}/g, "[^/]+")}$`),
        params: (template.match(/\{/g) ?? []).length,
      }))
    )
    // A literal segment wins over a parameter (/levels/export before /levels/{id}).
    routes.sort((a, b) => a.params - b.params)
    compiled = { document, routes }
  }
  return compiled
}

export function openApiDocument(): Document {
  return load().document
}

/** The path of the first raw_* key in a body, or null. */
function rawColumn(value: unknown, path = "body"): string | null {
  if (!value || typeof value !== "object") {
    return null
  }
  for (const [key, child] of Object.entries(value)) {
    const at = `${path}/${key}`
    if (key.startsWith("raw_")) {
      return at
    }
    const found = rawColumn(child, at)
    if (found) {
      return found
    }
  }
  return null
}

/** Why a response does not match the document, or null when it does. */
export function responseMismatch(input: {
  method: string
  url: string
  status: number
  contentType: string | null
  body: unknown
}): string | null {
  const { pathname } = new URL(input.url, "http://localhost")
  if (!PLUGIN_PATH.test(pathname)) {
    return null
  }
  const { document, routes } = load()
  const method = input.method.toLowerCase()
  const route = routes.find((r) => r.method === method && r.pattern.test(pathname))
  const label = `${method.toUpperCase()} ${pathname} → ${input.status}`
  if (!route) {
    return `${label}: the route is not in the OpenAPI document`
  }
  let response = route.operation.responses[String(input.status)]
  if (!response) {
    return `${label}: status ${input.status} is not documented for ${route.template}`
  }
  if (response.$ref) {
    const name = response.$ref.split("/").pop()!
    response = (document.components.responses as Record<string, typeof response>)[name]
  }
  const contents = Object.entries(response.content ?? {})
  if (!contents.length) {
    return null
  }
  const match = contents.find(([media]) => input.contentType?.startsWith(media))
  if (!match) {
    return `${label}: expected ${contents.map(([m]) => m).join(" or ")}, got ${input.contentType}`
  }
  const [media, { schema }] = match
  if (media !== "application/json") {
    return null
  }
  const raw = rawColumn(input.body)
  if (raw) {
    return `${label} carries the raw column ${raw}: amounts leave only as Amount strings`
  }
  const key = `${route.template} ${method} ${input.status}`
  if (!validators.has(key)) {
    // The shared schemas ride along, so "#/components/schemas/Amount" resolves from the operation's schema.
    validators.set(key, ajv.compile({ ...schema, components: { schemas: document.components.schemas } }))
  }
  const validate = validators.get(key)!
  if (validate(input.body)) {
    return null
  }
  const at = (path: string) =>
    path
      .split("/")
      .filter(Boolean)
      .reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], input.body)
  const details = (validate.errors ?? []).map(
    (e) => `${e.instancePath || "body"} ${e.message} (got ${JSON.stringify(at(e.instancePath))?.slice(0, 300)})`
  )
  return `${label} does not match the OpenAPI document: ${details.join("; ")}`
}

function checkAxios(instance: AxiosInstance) {
  const check = (response: AxiosResponse) =>
    responseMismatch({
      method: response.config.method ?? "get",
      url: `${response.config.baseURL ?? ""}${response.config.url ?? ""}`,
      status: response.status,
      contentType: String(response.headers["content-type"] ?? "") || null,
      body: response.data,
    })
  instance.interceptors.response.use(
    (response) => {
      const mismatch = check(response)
      return mismatch ? Promise.reject(new Error(mismatch)) : response
    },
    (error) => {
      const mismatch = error?.response ? check(error.response) : null
      return Promise.reject(mismatch ? new Error(mismatch) : error)
    }
  )
  return instance
}

/**
 * From now on, every axios instance created (the test runner's `api`) and every
 * fetch (the js-sdk the storefront client uses) is checked.
 */
export function checkEveryResponse() {
  const create = axios.create.bind(axios)
  axios.create = ((config) => checkAxios(create(config))) as typeof axios.create
  const fetch = globalThis.fetch
  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const response = await fetch(input, init)
    const url = input instanceof Request ? input.url : String(input)
    const contentType = response.headers.get("content-type")
    const body = contentType?.includes("application/json") ? await response.clone().json() : null
    const mismatch = responseMismatch({
      method: init?.method ?? (input instanceof Request ? input.method : "GET"),
      url,
      status: response.status,
      contentType,
      body,
    })
    if (mismatch) {
      throw new Error(mismatch)
    }
    return response
  }
}
