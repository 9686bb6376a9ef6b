import { MiddlewareRoute } from "@medusajs/framework/http"
import { authenticateCustomer } from "../../../utils/authenticate"
import { validateQuery } from "../../../utils/lazy-validation"

const validators = () => require("./validators") as typeof import("./validators")

export const storeProductsMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/distribution/products",
    method: "GET",
    middlewares: [authenticateCustomer, validateQuery(() => validators().StoreListEarningProducts, {})],
  },
]
