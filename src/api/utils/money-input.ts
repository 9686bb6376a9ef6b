import { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaResponse } from "@medusajs/framework/http"
import { BigNumberInput, MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { storeCurrencyList } from "../../lib/programme-settings"
import {
  MAX_CURRENCY_PRECISION,
  fitsCurrency,
  tooPreciseMessage,
} from "../../modules/distribution/utils/money"

/**
 * Money coming in. The zod part (`amountInput`) takes a JSON number and refuses
 * what no currency can hold (more than three decimals, as 0.30000000000000004
 * or 1e-7 are); `validateMoney`, a middleware after the body's validation,
 * knows the currency and refuses more decimals than it has, and a currency the
 * store does not sell in. Either way the request stops with a 400 before any
 * workflow runs, so nothing is written.
 */

/** The decimals of a number as JSON gave it (its shortest round-trip form: 0.1 → 1, 1e-7 → 7). */
function decimalsOf(n: number): number {
  const [mantissa, exponent = "0"] = String(n).split("e")
  return Math.max(0, (mantissa.split(".")[1] ?? "").length - Number(exponent))
}

export const amountInput = (field: string, range: { min?: number; max?: number } = {}) =>
  z
    .number({ error: `${field} must be a number in the currency's major unit, such as 100 or 99.5` })
    .min(range.min ?? 0)
    .max(range.max ?? 1_000_000_000)
    .refine((n) => decimalsOf(n) <= MAX_CURRENCY_PRECISION, {
      error: (issue) => `${field} ${String(issue.input)} has more decimals than any currency allows (${MAX_CURRENCY_PRECISION})`,
    })

/** The amounts of a request and the currency they are in. */
export type MoneyInput = {
  currency_code: string
  amounts: Record<string, BigNumberInput | null | undefined>
  /** Refuse a currency the store does not have (an adjustment, a rule's fixed amounts). */
  store_currency?: boolean
}

/** The store's currencies, lower-case, sorted. */
export async function storeCurrencies(container: MedusaContainer): Promise<string[]> {
  return [...new Set((await storeCurrencyList(container)).map((c) => c.currency_code))].sort()
}

export async function checkMoneyInput(container: MedusaContainer, input: MoneyInput) {
  const currency = input.currency_code.toLowerCase()
  if (input.store_currency) {
    const currencies = await storeCurrencies(container)
    if (!currencies.includes(currency)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `currency_code ${currency} is not a currency of the store; use one of: ${currencies.join(", ")}`
      )
    }
  }
  for (const [field, amount] of Object.entries(input.amounts)) {
    if (amount !== null && amount !== undefined && !fitsCurrency(amount, currency)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, tooPreciseMessage(field, amount, currency))
    }
  }
}

/**
 * Middleware: the request's amounts, read by `read` from the validated body,
 * must fit their currency. Each resource's middlewares.ts has the reader of its
 * routes: which amounts, in the currency they will be read in once written.
 */
export const validateMoney =
  <Body>(read: (req: AuthenticatedMedusaRequest<Body>) => Promise<MoneyInput> | MoneyInput) =>
  async (req: AuthenticatedMedusaRequest<Body>, _res: MedusaResponse, next: MedusaNextFunction) => {
    try {
      await checkMoneyInput(req.scope, await read(req))
      next()
    } catch (error) {
      next(error)
    }
  }
