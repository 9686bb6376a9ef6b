import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { StoreListSales } from "./validators"

/** Anyone with the publishable key: a storefront shows its sales to every visitor. */
export const storeSalesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/distribution/sales", method: "GET", middlewares: [validateAndTransformQuery(StoreListSales, {})] },
]
