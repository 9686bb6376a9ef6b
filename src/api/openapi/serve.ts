import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { buildOpenApiDocument as BuildOpenApiDocument, OpenApiAudience } from "./document"

/**
 * A route handler serving the document for `audience`, built on its first
 * request (the response schemas are not loaded at boot), then kept.
 */
export function serveOpenApiDocument(audience: OpenApiAudience) {
  let document: unknown
  return async (_req: MedusaRequest, res: MedusaResponse) => {
    if (!document) {
      const { buildOpenApiDocument } = require("./document") as { buildOpenApiDocument: typeof BuildOpenApiDocument }
      document = buildOpenApiDocument(audience)
    }
    res.json(document)
  }
}
