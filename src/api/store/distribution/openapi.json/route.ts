import { serveOpenApiDocument } from "../../../openapi/serve"

/**
 * The OpenAPI 3.1 document of the plugin's store routes, generated from its zod
 * schemas. The admin routes are described to admins only, at
 * /admin/distribution/openapi.json.
 */
export const GET = serveOpenApiDocument("store")
