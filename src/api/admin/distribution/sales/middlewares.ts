import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminCreateSale, AdminEndSale, AdminListSales, AdminUpdateSale } from "./validators"

const S = "/admin/distribution/sales"

/** /admin/* is authenticated by Medusa; these validate. */
export const adminSalesMiddlewares: MiddlewareRoute[] = [
  { matcher: S, method: "GET", middlewares: [validateAndTransformQuery(AdminListSales, {})] },
  { matcher: S, method: "POST", middlewares: [validateAndTransformBody(AdminCreateSale)] },
  { matcher: `${S}/:id`, method: "POST", middlewares: [validateAndTransformBody(AdminUpdateSale)] },
  { matcher: `${S}/:id/end`, method: "POST", middlewares: [validateAndTransformBody(AdminEndSale)] },
]
