import Medusa from "@medusajs/js-sdk"
import { AxiosInstance } from "axios"
import { distributionAdminClient, DistributionAdminClient, distributionClient, DistributionClient } from "../../src/client"
import { Headers } from "./auth"

/**
 * The storefront client as a storefront uses it: js-sdk against the test
 * server, with the publishable key and (when given) the customer's token.
 */
export async function storefront(
  api: AxiosInstance,
  publishableKey: string,
  customer?: Headers | null
): Promise<DistributionClient & { sdk: Medusa }> {
  const sdk = new Medusa({
    baseUrl: api.defaults.baseURL!,
    publishableKey,
    auth: { type: "jwt", jwtTokenStorageMethod: "memory" },
  })
  const token = customer?.headers.authorization?.replace(/^Bearer /, "")
  if (token) {
    await sdk.client.setToken(token)
  }
  return Object.assign(distributionClient(sdk), { sdk })
}

/** The admin client as a back-office tool uses it: js-sdk against the test server with the admin's token. */
export async function backOffice(api: AxiosInstance, admin: Headers): Promise<DistributionAdminClient> {
  const sdk = new Medusa({ baseUrl: api.defaults.baseURL!, auth: { type: "jwt", jwtTokenStorageMethod: "memory" } })
  await sdk.client.setToken(admin.headers.authorization.replace(/^Bearer /, ""))
  return distributionAdminClient(sdk)
}

/** Runs a client call expected to fail and returns its HTTP status and message. */
export async function clientFailure(call: Promise<unknown>): Promise<{ status: number; message: string }> {
  try {
    await call
  } catch (e) {
    const error = e as { status?: number; message: string }
    if (error.status === undefined) {
      throw e
    }
    return { status: error.status, message: error.message }
  }
  throw new Error("Expected the call to fail")
}
