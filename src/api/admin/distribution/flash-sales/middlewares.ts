import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../../utils/lazy-validation"

const validators = () => require("./validators") as typeof import("./validators")

const F = "/admin/distribution/flash-sales"

/** /admin/* is authenticated by Medusa; these validate. */
export const adminFlashSalesMiddlewares: MiddlewareRoute[] = [
  { matcher: F, method: "GET", middlewares: [validateQuery(() => validators().AdminListFlashSales, {})] },
  { matcher: F, method: "POST", middlewares: [validateBody(() => validators().AdminCreateFlashSale)] },
  { matcher: `${F}/:id`, method: "POST", middlewares: [validateBody(() => validators().AdminUpdateFlashSale)] },
  { matcher: `${F}/:id/close`, method: "POST", middlewares: [validateBody(() => validators().AdminCloseFlashSale)] },
  { matcher: `${F}/:id/reservations`, method: "GET", middlewares: [validateQuery(() => validators().AdminListFlashSaleReservations, {})] },
]
