import { AuthenticatedMedusaRequest, MiddlewareRoute } from "@medusajs/framework/http"
import { programmeCurrency } from "../../../utils/container"
import { MoneyInput, validateMoney } from "../../../utils/money-input"
import { allowFields } from "../../../utils/query-fields"
import { levelQueryConfig } from "./query-config"
import type { AdminCreateLevelType } from "./validators"
import { validateBody, validateQuery } from "../../../utils/lazy-validation"

const validators = () => require("./validators") as typeof import("./validators")

/** A level's thresholds are sales in the programme's currency. */
const levelMoney = async (req: AuthenticatedMedusaRequest<Partial<AdminCreateLevelType>>): Promise<MoneyInput> => ({
  currency_code: await programmeCurrency(req.scope),
  amounts: {
    upgrade_personal_sales: req.validatedBody.upgrade_personal_sales,
    upgrade_team_sales: req.validatedBody.upgrade_team_sales,
  },
})

export const adminLevelsMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/distribution/levels",
    method: "GET",
    middlewares: [allowFields(levelQueryConfig.allowed), validateQuery(() => validators().AdminListLevels, levelQueryConfig.list)],
  },
  {
    matcher: "/admin/distribution/levels",
    method: "POST",
    middlewares: [validateBody(() => validators().AdminCreateLevel), validateMoney(levelMoney)],
  },
  {
    matcher: "/admin/distribution/levels/:id",
    method: "POST",
    middlewares: [validateBody(() => validators().AdminUpdateLevel), validateMoney(levelMoney)],
  },
]
