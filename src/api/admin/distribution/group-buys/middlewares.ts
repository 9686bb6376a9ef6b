import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { refuseUnsucceededGroupFulfilment } from "./fulfilment-guard"
import { AdminCreateGroupBuy, AdminEmptyBody, AdminListGroupBuys, AdminListGroups, AdminUpdateGroupBuy } from "./validators"

const GB = "/admin/distribution/group-buys"
const G = "/admin/distribution/groups"

/** /admin/* is authenticated by Medusa; these validate. */
export const adminGroupBuysMiddlewares: MiddlewareRoute[] = [
  { matcher: GB, method: "GET", middlewares: [validateAndTransformQuery(AdminListGroupBuys, {})] },
  { matcher: GB, method: "POST", middlewares: [validateAndTransformBody(AdminCreateGroupBuy)] },
  { matcher: `${GB}/:id`, method: "POST", middlewares: [validateAndTransformBody(AdminUpdateGroupBuy)] },
  { matcher: `${GB}/:id/close`, method: "POST", middlewares: [validateAndTransformBody(AdminEmptyBody)] },
  { matcher: G, method: "GET", middlewares: [validateAndTransformQuery(AdminListGroups, {})] },
  { matcher: `${G}/:id/complete`, method: "POST", middlewares: [validateAndTransformBody(AdminEmptyBody)] },
  { matcher: `${G}/:id/fail`, method: "POST", middlewares: [validateAndTransformBody(AdminEmptyBody)] },
  // Medusa's own fulfilment: an order of a group that has not succeeded is not shipped.
  { matcher: "/admin/orders/:id/fulfillments", method: "POST", middlewares: [refuseUnsucceededGroupFulfilment] },
]
