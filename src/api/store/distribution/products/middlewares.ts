import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { authenticateCustomer } from "../../../utils/authenticate"
import { StoreListEarningProducts } from "./validators"

export const storeProductsMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/distribution/products",
    method: "GET",
    middlewares: [authenticateCustomer, validateAndTransformQuery(StoreListEarningProducts, {})],
  },
]
