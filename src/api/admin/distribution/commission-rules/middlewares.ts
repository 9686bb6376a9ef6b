import { AuthenticatedMedusaRequest, MiddlewareRoute } from "@medusajs/framework/http"
import { distributionService, programmeCurrency } from "../../../utils/container"
import { MoneyInput, validateMoney } from "../../../utils/money-input"
import { allowFields } from "../../../utils/query-fields"
import { commissionRuleQueryConfig } from "./query-config"
import type { AdminCreateCommissionRuleType, AdminUpdateCommissionRuleType } from "./validators"
import { validateBody, validateQuery } from "../../../utils/lazy-validation"

const validators = () => require("./validators") as typeof import("./validators")

/**
 * A rule's fixed amounts are in its own currency (on update: the new one, else
 * the rule's). A change of currency must also fit the amounts the rule keeps.
 */
const ruleMoney = async (
  req: AuthenticatedMedusaRequest<AdminCreateCommissionRuleType | AdminUpdateCommissionRuleType>
): Promise<MoneyInput> => {
  const body = req.validatedBody
  const existing = req.params.id ? await distributionService(req).retrieveCommissionRule(req.params.id) : null
  const kept = existing && body.currency_code && body.currency_code !== existing.currency_code ? existing : null
  const amount = (depth: 1 | 2 | 3) =>
    body[`fixed_amount_${depth}`] !== undefined ? body[`fixed_amount_${depth}`] : kept?.[`fixed_amount_${depth}`]
  return {
    currency_code: body.currency_code ?? existing?.currency_code ?? (await programmeCurrency(req.scope)),
    amounts: { fixed_amount_1: amount(1), fixed_amount_2: amount(2), fixed_amount_3: amount(3) },
    store_currency: !!body.currency_code,
  }
}

export const adminCommissionRulesMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/distribution/commission-rules",
    method: "GET",
    middlewares: [allowFields(commissionRuleQueryConfig.allowed), validateQuery(() => validators().AdminListCommissionRules, commissionRuleQueryConfig.list)],
  },
  {
    matcher: "/admin/distribution/commission-rules",
    method: "POST",
    middlewares: [validateBody(() => validators().AdminCreateCommissionRule), validateMoney(ruleMoney)],
  },
  {
    matcher: "/admin/distribution/commission-rules/:id",
    method: "POST",
    middlewares: [validateBody(() => validators().AdminUpdateCommissionRule), validateMoney(ruleMoney)],
  },
]
