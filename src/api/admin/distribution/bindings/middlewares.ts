import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { allowFields } from "../../../utils/query-fields"
import { bindingQueryConfig } from "./query-config"
import { AdminCreateBinding, AdminListBindings } from "./validators"

export const adminBindingsMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/distribution/bindings",
    method: "GET",
    middlewares: [allowFields(bindingQueryConfig.allowed), validateAndTransformQuery(AdminListBindings, bindingQueryConfig.list)],
  },
  {
    matcher: "/admin/distribution/bindings",
    method: "POST",
    middlewares: [validateAndTransformBody(AdminCreateBinding)],
  },
]
