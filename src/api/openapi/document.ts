import { z } from "@medusajs/framework/zod"
import { Amount, ErrorResponse } from "./schemas"
import { Access, ROUTES, RouteDoc } from "./registry"

type JsonSchema = Record<string, unknown>

/** The document's shared schemas (components.schemas), each declared once and referenced by name. */
type Shared = Record<string, JsonSchema>
const SHARED: Record<string, z.ZodType> = { Amount }

/**
 * zod → JSON Schema 2020-12 (OpenAPI 3.1's dialect). Requests are described
 * as clients send them (`io: "input"`: before coercion and defaults are
 * applied), responses as the server produces them. A shared schema (SHARED)
 * is declared once in components.schemas and referenced wherever it appears.
 */
function toJsonSchema(schema: z.ZodType, io: "input" | "output", shared: Shared): JsonSchema {
  let text = JSON.stringify(zodToJsonSchema(schema, io))
  for (const [name, zodSchema] of Object.entries(SHARED)) {
    // zod inlines a schema wherever it is used, always as the same JSON: each copy becomes the reference.
    const definition = JSON.stringify(zodToJsonSchema(zodSchema, io))
    if (text.includes(definition)) {
      shared[name] = JSON.parse(definition)
      text = text.split(definition).join(JSON.stringify({ $ref: `#/components/schemas/${name}` }))
    }
  }
  return JSON.parse(text)
}

function zodToJsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const json = z.toJSONSchema(schema, {
    io,
    target: "draft-2020-12",
    unrepresentable: "any",
    override: (ctx) => {
      const def = (ctx.zodSchema as unknown as { _zod: { def: { type: string; defaultValue?: unknown } } })._zod.def
      if (def.type === "date") {
        ctx.jsonSchema.type = "string"
        ctx.jsonSchema.format = "date-time"
      }
      // A date default is computed per request ("a week ago"): the instant it had when the document was built means nothing.
      if (def.type === "default" && def.defaultValue instanceof Date) {
        delete ctx.jsonSchema.default
      }
    },
  }) as JsonSchema
  delete json.$schema
  return json
}

/** `/a/:id/b` → `/a/{id}/b`. */
export const openApiPath = (path: string) => path.replace(/:([A-Za-z_]+)/g, "{$1}")

const SECURITY: Record<Access, Record<string, string[]>[]> = {
  public: [{ publishable_key: [] }],
  customer: [{ publishable_key: [], customer_bearer: [] }, { publishable_key: [], customer_session: [] }],
  admin: [{ admin_bearer: [] }, { admin_session: [] }, { admin_api_key: [] }],
}

/**
 * What any route answers before its handler runs: a malformed request (400: see
 * api/utils/input-hygiene.ts), no publishable key (400), no login (401).
 */
const ACCESS_ERRORS: Record<Access, number[]> = { public: [400], customer: [400, 401], admin: [400, 401] }

function queryParameters(schema: z.ZodType, shared: Shared): JsonSchema[] {
  const json = toJsonSchema(schema, "input", shared)
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>
  const required = new Set((json.required ?? []) as string[])
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: "query",
    required: required.has(name),
    ...(property.description ? { description: property.description } : {}),
    schema: property,
    ...(property.type === "array" || property.anyOf ? { style: "form", explode: true } : {}),
  }))
}

function operation(route: RouteDoc, shared: Shared) {
  const pathParameters = [...route.path.matchAll(/:([A-Za-z_]+)/g)].map(([, name]) => ({
    name,
    in: "path",
    required: true,
    schema: { type: "string" },
  }))
  const responses: Record<string, unknown> = {}
  for (const [status, response] of Object.entries(route.responses)) {
    const bodies = Array.isArray(response) ? response : [response]
    responses[status] = {
      description: bodies.map((b) => ("media" in b ? b.description : "JSON")).join(" or "),
      content: Object.fromEntries(
        bodies.map((b) =>
          "media" in b
            ? [b.media, { schema: { type: "string", format: "binary" } }]
            : ["application/json", { schema: toJsonSchema(b as z.ZodType, "output", shared) }]
        )
      ),
    }
  }
  // Every POST may carry a body, and a body that is not JSON is refused (415).
  const bodyErrors = route.method === "post" ? [415] : []
  for (const status of new Set([...ACCESS_ERRORS[route.access], ...(route.errors ?? []), ...bodyErrors].sort())) {
    responses[status] = { $ref: `#/components/responses/Error${status}` }
  }
  return {
    summary: route.summary,
    operationId: `${route.method}${route.path.replace(/[/:.{}-]+(\w)?/g, (_, c: string | undefined) => (c ?? "").toUpperCase())}`,
    tags: [route.path.startsWith("/admin") ? "Admin" : "Store"],
    security: SECURITY[route.access],
    parameters: [...pathParameters, ...(route.query ? queryParameters(route.query, shared) : [])],
    ...(route.body
      ? { requestBody: { required: true, content: { "application/json": { schema: toJsonSchema(route.body, "input", shared) } } } }
      : {}),
    responses,
  }
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "Invalid input: the message says what is wrong; nothing was changed",
  401: "Not logged in (or not an admin)",
  404: "Not found (a store route: the caller is not a distributor)",
  409: "Conflicts with the current state (an illegal transition, a duplicate)",
  415: "The body is not JSON: send Content-Type: application/json",
  429: "Too many calls from this caller in the window: wait the seconds Retry-After gives (the plugin's rate_limits option)",
}

/**
 * Who a document is for: the store document (served publicly, with the
 * publishable key) describes the store routes only; the admin one (served to
 * admins) describes every route of the plugin.
 */
export type OpenApiAudience = "store" | "admin"

/** The OpenAPI 3.1 document of the plugin's store routes, or of all its routes for admins. */
export function buildOpenApiDocument(audience: OpenApiAudience = "admin", version = "0.1.0") {
  const paths: Record<string, Record<string, unknown>> = {}
  const schemas: Shared = {}
  for (const route of ROUTES) {
    if (audience === "store" && !route.path.startsWith("/store/")) continue
    const path = openApiPath(route.path)
    paths[path] ??= {}
    paths[path][route.method] = operation(route, schemas)
  }
  const errorSchema = toJsonSchema(ErrorResponse, "output", schemas)
  return {
    openapi: "3.1.0",
    info: {
      title: "medusa-plugin-distribution",
      version,
      description:
        "商城分销系统 — the store API of the distributor centre and the admin API of the programme. Every amount is an Amount: a decimal string in the currency's major unit with the currency's precision (\"2.50\", \"1250\" for JPY).",
    },
    tags: audience === "store" ? [{ name: "Store" }] : [{ name: "Store" }, { name: "Admin" }],
    paths,
    components: {
      schemas,
      securitySchemes: {
        publishable_key: { type: "apiKey", in: "header", name: "x-publishable-api-key" },
        customer_bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" },
        customer_session: { type: "apiKey", in: "cookie", name: "connect.sid" },
        admin_bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" },
        admin_session: { type: "apiKey", in: "cookie", name: "connect.sid" },
        admin_api_key: { type: "http", scheme: "basic" },
      },
      responses: Object.fromEntries(
        Object.entries(ERROR_DESCRIPTIONS).map(([status, description]) => [
          `Error${status}`,
          { description, content: { "application/json": { schema: errorSchema } } },
        ])
      ),
    },
  }
}
