import { MiddlewareRoute } from "@medusajs/framework/http"
import { byAddress, rateLimit } from "../../../utils/rate-limit"
import { validateBody } from "../../../utils/lazy-validation"

const validators = () => require("./validators") as typeof import("./validators")

/** A visit is recorded for anyone who follows a link: no login. */
export const storeVisitsMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/distribution/visits",
    method: "POST",
    middlewares: [validateBody(() => validators().StoreRecordVisit), rateLimit("visits", byAddress)],
  },
]
