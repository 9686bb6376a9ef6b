import { MiddlewareRoute } from "@medusajs/framework/http"
import { refuseUnsucceededGroupFulfilment } from "./fulfilment-guard"
import { validateBody, validateQuery } from "../../../utils/lazy-validation"

const validators = () => require("./validators") as typeof import("./validators")

const GB = "/admin/distribution/group-buys"
const G = "/admin/distribution/groups"

/** /admin/* is authenticated by Medusa; these validate. */
export const adminGroupBuysMiddlewares: MiddlewareRoute[] = [
  { matcher: GB, method: "GET", middlewares: [validateQuery(() => validators().AdminListGroupBuys, {})] },
  { matcher: GB, method: "POST", middlewares: [validateBody(() => validators().AdminCreateGroupBuy)] },
  { matcher: `${GB}/:id`, method: "POST", middlewares: [validateBody(() => validators().AdminUpdateGroupBuy)] },
  { matcher: `${GB}/:id/close`, method: "POST", middlewares: [validateBody(() => validators().AdminEmptyBody)] },
  { matcher: G, method: "GET", middlewares: [validateQuery(() => validators().AdminListGroups, {})] },
  { matcher: `${G}/:id/complete`, method: "POST", middlewares: [validateBody(() => validators().AdminEmptyBody)] },
  { matcher: `${G}/:id/fail`, method: "POST", middlewares: [validateBody(() => validators().AdminEmptyBody)] },
  // Medusa's own fulfilment: an order of a group that has not succeeded is not shipped.
  { matcher: "/admin/orders/:id/fulfillments", method: "POST", middlewares: [refuseUnsucceededGroupFulfilment] },
]
