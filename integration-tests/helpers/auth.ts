import { MedusaContainer } from "@medusajs/framework/types"
import {
  ApiKeyType,
  ContainerRegistrationKeys,
  generateJwtToken,
  Modules,
} from "@medusajs/framework/utils"
import { AxiosInstance } from "axios"

export type Headers = { headers: Record<string, string> }

/** An admin user and a bearer token signed with the app's own JWT secret. */
export async function createAdmin(
  container: MedusaContainer,
  email = "admin@example.com"
): Promise<Headers & { user_id: string }> {
  const userModule = container.resolve(Modules.USER)
  const authModule = container.resolve(Modules.AUTH)
  const [existing] = await userModule.listUsers({ email })
  const user = existing ?? (await userModule.createUsers({ email, first_name: "Ada", last_name: "Admin" }))
  const authIdentity = await authModule.createAuthIdentities({
    provider_identities: [{ provider: "emailpass", entity_id: `${email}-${Date.now()}-${Math.random()}` }],
    app_metadata: { user_id: user.id },
  })
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const token = generateJwtToken(
    { actor_id: user.id, actor_type: "user", auth_identity_id: authIdentity.id, app_metadata: { user_id: user.id } },
    { secret: config.projectConfig.http.jwtSecret, expiresIn: "1d" }
  )
  return { user_id: user.id, headers: { authorization: `Bearer ${token}` } }
}

/** A publishable key linked to a sales channel: every /store call needs it. */
export async function createPublishableKey(
  container: MedusaContainer
): Promise<{ token: string; sales_channel_id: string }> {
  const apiKeyModule = container.resolve(Modules.API_KEY)
  const salesChannelModule = container.resolve(Modules.SALES_CHANNEL)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const key = await apiKeyModule.createApiKeys({
    title: "Test storefront",
    type: ApiKeyType.PUBLISHABLE,
    created_by: "test",
  })
  const channel = await salesChannelModule.createSalesChannels({ name: "Test channel" })
  await link.create({
    [Modules.API_KEY]: { publishable_key_id: key.id },
    [Modules.SALES_CHANNEL]: { sales_channel_id: channel.id },
  })
  return { token: key.token, sales_channel_id: channel.id }
}

export type StoreCustomer = Headers & { id: string; email: string }

/**
 * Registers and logs in a storefront customer through the real auth routes, and
 * returns the headers its store calls need (bearer + publishable key).
 */
export async function registerCustomer(
  api: AxiosInstance,
  publishableKey: string,
  input: { email: string; first_name?: string; last_name?: string; metadata?: Record<string, unknown> },
  password = "correct-horse-battery"
): Promise<StoreCustomer> {
  const pk = { "x-publishable-api-key": publishableKey }
  const registration = await api.post("/auth/customer/emailpass/register", {
    email: input.email,
    password,
  })
  const created = await api.post(
    "/store/customers",
    { email: input.email, first_name: input.first_name, last_name: input.last_name, metadata: input.metadata },
    { headers: { ...pk, authorization: `Bearer ${registration.data.token}` } }
  )
  const login = await api.post("/auth/customer/emailpass", { email: input.email, password })
  return {
    id: created.data.customer.id,
    email: input.email,
    headers: { ...pk, authorization: `Bearer ${login.data.token}` },
  }
}

/** Store headers with the publishable key but no customer. */
export const anonymous = (publishableKey: string): Headers => ({
  headers: { "x-publishable-api-key": publishableKey },
})
