import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { StoreRecordVisit } from "./validators"

/** A visit is recorded for anyone who follows a link: no login. */
export const storeVisitsMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/distribution/visits",
    method: "POST",
    middlewares: [validateAndTransformBody(StoreRecordVisit)],
  },
]
