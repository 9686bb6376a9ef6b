import { MiddlewareRoute } from "@medusajs/framework/http"
import { allowFields } from "../../../utils/query-fields"
import { bindingQueryConfig } from "./query-config"
import { validateBody, validateQuery } from "../../../utils/lazy-validation"

const validators = () => require("./validators") as typeof import("./validators")

export const adminBindingsMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/distribution/bindings",
    method: "GET",
    middlewares: [allowFields(bindingQueryConfig.allowed), validateQuery(() => validators().AdminListBindings, bindingQueryConfig.list)],
  },
  {
    matcher: "/admin/distribution/bindings",
    method: "POST",
    middlewares: [validateBody(() => validators().AdminCreateBinding)],
  },
]
