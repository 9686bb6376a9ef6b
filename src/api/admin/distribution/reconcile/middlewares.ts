import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { AdminReconcile } from "./validators"

export const adminReconcileMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/distribution/reconcile",
    method: "POST",
    middlewares: [validateAndTransformBody(AdminReconcile)],
  },
]
