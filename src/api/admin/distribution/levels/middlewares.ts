import {
  AuthenticatedMedusaRequest,
  MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { programmeCurrency } from "../../../utils/container"
import { MoneyInput, validateMoney } from "../../../utils/money-input"
import { allowFields } from "../../../utils/query-fields"
import { levelQueryConfig } from "./query-config"
import { AdminCreateLevel, AdminCreateLevelType, AdminListLevels, AdminUpdateLevel } from "./validators"

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
    middlewares: [allowFields(levelQueryConfig.allowed), validateAndTransformQuery(AdminListLevels, levelQueryConfig.list)],
  },
  {
    matcher: "/admin/distribution/levels",
    method: "POST",
    middlewares: [validateAndTransformBody(AdminCreateLevel), validateMoney(levelMoney)],
  },
  {
    matcher: "/admin/distribution/levels/:id",
    method: "POST",
    middlewares: [validateAndTransformBody(AdminUpdateLevel), validateMoney(levelMoney)],
  },
]
