import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { buildOpenApiDocument } from "../../../openapi/document"

let document: ReturnType<typeof buildOpenApiDocument> | undefined

/** The plugin's OpenAPI 3.1 document, generated from its zod schemas (built once per process). */
export const GET = async (_req: MedusaRequest, res: MedusaResponse) => {
  document ??= buildOpenApiDocument()
  res.json(document)
}
