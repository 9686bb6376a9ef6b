import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../../utils/lazy-validation"

const validators = () => require("./validators") as typeof import("./validators")

export const adminReconcileMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/distribution/reconcile",
    method: "POST",
    middlewares: [validateBody(() => validators().AdminReconcile)],
  },
]
