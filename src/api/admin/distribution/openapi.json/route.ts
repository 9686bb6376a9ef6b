import { serveOpenApiDocument } from "../../../openapi/serve"

/** The OpenAPI 3.1 document of every store and admin route of the plugin. */
export const GET = serveOpenApiDocument("admin")
