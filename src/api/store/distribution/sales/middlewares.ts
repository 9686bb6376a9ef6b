import { authenticate, MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { refuseEndedSalePrices } from "./cart-guard"
import { StoreListSales } from "./validators"

/** Anyone with the publishable key: a storefront shows its sales to every visitor (a distributor's login adds its shares). */
export const storeSalesMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/distribution/sales",
    method: "GET",
    middlewares: [
      authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true }),
      validateAndTransformQuery(StoreListSales, {}),
    ],
  },
  // Medusa's own checkout: a cart at an ended sale's prices does not complete (it is re-priced instead).
  { matcher: "/store/carts/:id/complete", method: "POST", middlewares: [refuseEndedSalePrices] },
]
