import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { ReturnWorkflow } from "@medusajs/framework/workflows-sdk"

/**
 * Runs one of the plugin's workflows for a route. Medusa's error handler answers
 * every CONFLICT with a generic "retry with an Idempotency-Key" text; the
 * programme's conflicts (an illegal transition, a second application) say what
 * is wrong, so they are re-thrown as an HTTP 409 that keeps the message.
 */
export async function runWorkflow<TInput, TResult>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  workflow: ReturnWorkflow<TInput, TResult, any>,
  container: MedusaContainer,
  input: TInput
): Promise<TResult> {
  try {
    const { result } = await workflow(container).run({ input })
    return result as TResult
  } catch (error) {
    throw asHttpError(error)
  }
}

export function asHttpError(error: unknown): unknown {
  const e = error as { type?: string; message?: string } | null
  if (e?.type === MedusaError.Types.CONFLICT) {
    return Object.assign(new Error(e.message), {
      status: 409,
      statusCode: 409,
      expose: true,
      type: MedusaError.Types.CONFLICT,
    })
  }
  return error
}
