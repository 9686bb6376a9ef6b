import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { buildOpenApiDocument as BuildOpenApiDocument } from "../../../openapi/document"

let document: unknown

/**
 * The plugin's OpenAPI 3.1 document, generated from its zod schemas: built on
 * the first request (the response schemas are not loaded at boot), then kept.
 */
export const GET = async (_req: MedusaRequest, res: MedusaResponse) => {
  if (!document) {
    const { buildOpenApiDocument } = require("../../../openapi/document") as {
      buildOpenApiDocument: typeof BuildOpenApiDocument
    }
    document = buildOpenApiDocument()
  }
  res.json(document)
}
