import { MiddlewareRoute } from "@medusajs/framework/http"
import { authenticateCustomer } from "../../../utils/authenticate"
import { validateBody, validateQuery } from "../../../utils/lazy-validation"

const validators = () => require("./validators") as typeof import("./validators")

const GB = "/store/distribution/group-buys"

/**
 * Activities and groups are public (with the publishable key); checking out
 * and one's own groups need the customer. The carts are activity carts:
 * activity-cart-middlewares.ts guards them on Medusa's cart routes.
 */
export const storeGroupBuysMiddlewares: MiddlewareRoute[] = [
  { matcher: GB, method: "GET", middlewares: [validateQuery(() => validators().StoreListGroupBuys, {})] },
  { matcher: `${GB}/me`, method: "GET", middlewares: [authenticateCustomer, validateQuery(() => validators().StoreListGroupBuys, {})] },
  { matcher: `${GB}/:id/checkout`, method: "POST", middlewares: [authenticateCustomer, validateBody(() => validators().StoreCheckoutGroupBuy)] },
]
