import { MedusaError } from "@medusajs/framework/utils"

/**
 * Why a rule refuses an operation: the error type the API answers with and a
 * message the merchant or the distributor can act on. Rules return one (or
 * null when they allow it); the service throws it.
 */
export type Refusal = {
  type: (typeof MedusaError.Types)[keyof typeof MedusaError.Types]
  message: string
}

export function refusalError(refusal: Refusal): MedusaError {
  return new MedusaError(refusal.type, refusal.message)
}
