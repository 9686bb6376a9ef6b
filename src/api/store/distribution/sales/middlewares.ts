import { authenticate, MiddlewareRoute } from "@medusajs/framework/http"
import { refuseEndedSalePrices } from "./cart-guard"
import { validateQuery } from "../../../utils/lazy-validation"

const validators = () => require("./validators") as typeof import("./validators")

/** Anyone with the publishable key: a storefront shows its sales to every visitor (a distributor's login adds its shares). */
export const storeSalesMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/distribution/sales",
    method: "GET",
    middlewares: [
      authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true }),
      validateQuery(() => validators().StoreListSales, {}),
    ],
  },
  // Medusa's own checkout: a cart at an ended sale's prices does not complete (it is re-priced instead).
  { matcher: "/store/carts/:id/complete", method: "POST", middlewares: [refuseEndedSalePrices] },
]
