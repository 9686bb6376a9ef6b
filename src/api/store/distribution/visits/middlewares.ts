import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { StoreRecordVisit } from "./validators"
import { byAddress, rateLimit } from "../../../utils/rate-limit"

/** A visit is recorded for anyone who follows a link: no login. */
export const storeVisitsMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/distribution/visits",
    method: "POST",
    middlewares: [validateAndTransformBody(StoreRecordVisit), rateLimit("visits", byAddress)],
  },
]
