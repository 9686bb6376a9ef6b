import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../../utils/lazy-validation"

const validators = () => require("./validators") as typeof import("./validators")

const S = "/admin/distribution/sales"

/** /admin/* is authenticated by Medusa; these validate. */
export const adminSalesMiddlewares: MiddlewareRoute[] = [
  { matcher: S, method: "GET", middlewares: [validateQuery(() => validators().AdminListSales, {})] },
  { matcher: S, method: "POST", middlewares: [validateBody(() => validators().AdminCreateSale)] },
  { matcher: `${S}/:id`, method: "POST", middlewares: [validateBody(() => validators().AdminUpdateSale)] },
  { matcher: `${S}/:id/end`, method: "POST", middlewares: [validateBody(() => validators().AdminEndSale)] },
]
