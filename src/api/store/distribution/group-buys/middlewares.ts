import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { authenticateCustomer } from "../../../utils/authenticate"
import { refuseGroupCartChanges, refuseReleasedGroupSeat } from "./cart-guard"
import { StoreCheckoutGroupBuy, StoreListGroupBuys } from "./validators"

const GB = "/store/distribution/group-buys"

/** Activities and groups are public (with the publishable key); checking out and one's own groups need the customer. */
export const storeGroupBuysMiddlewares: MiddlewareRoute[] = [
  { matcher: GB, method: "GET", middlewares: [validateAndTransformQuery(StoreListGroupBuys, {})] },
  { matcher: `${GB}/me`, method: "GET", middlewares: [authenticateCustomer, validateAndTransformQuery(StoreListGroupBuys, {})] },
  { matcher: `${GB}/:id/checkout`, method: "POST", middlewares: [authenticateCustomer, validateAndTransformBody(StoreCheckoutGroupBuy)] },
  // Medusa's own cart routes on a group-buy cart.
  { matcher: "/store/carts/:id/line-items*", methods: ["POST", "DELETE"], middlewares: [refuseGroupCartChanges] },
  { matcher: "/store/carts/:id/promotions", methods: ["POST", "DELETE"], middlewares: [refuseGroupCartChanges] },
  { matcher: "/store/carts/:id", method: "POST", middlewares: [refuseGroupCartChanges] },
  { matcher: "/store/carts/:id/complete", method: "POST", middlewares: [refuseReleasedGroupSeat] },
]
