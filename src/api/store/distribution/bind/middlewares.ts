import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { authenticateCustomer } from "../../../utils/authenticate"
import { StoreBindDistributor } from "./validators"

export const storeBindMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/distribution/bind",
    method: "POST",
    middlewares: [authenticateCustomer, validateAndTransformBody(StoreBindDistributor)],
  },
]
