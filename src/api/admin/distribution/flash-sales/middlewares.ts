import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import {
  AdminCloseFlashSale,
  AdminCreateFlashSale,
  AdminListFlashSaleReservations,
  AdminListFlashSales,
  AdminUpdateFlashSale,
} from "./validators"

const F = "/admin/distribution/flash-sales"

/** /admin/* is authenticated by Medusa; these validate. */
export const adminFlashSalesMiddlewares: MiddlewareRoute[] = [
  { matcher: F, method: "GET", middlewares: [validateAndTransformQuery(AdminListFlashSales, {})] },
  { matcher: F, method: "POST", middlewares: [validateAndTransformBody(AdminCreateFlashSale)] },
  { matcher: `${F}/:id`, method: "POST", middlewares: [validateAndTransformBody(AdminUpdateFlashSale)] },
  { matcher: `${F}/:id/close`, method: "POST", middlewares: [validateAndTransformBody(AdminCloseFlashSale)] },
  { matcher: `${F}/:id/reservations`, method: "GET", middlewares: [validateAndTransformQuery(AdminListFlashSaleReservations, {})] },
]
