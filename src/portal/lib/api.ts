import { Auth, Client, FetchError } from "@medusajs/js-sdk"
import { distributionClient } from "../../client"

/**
 * What config.js says: the Medusa server's URL (empty: this page's origin, as
 * when the server serves the portal), its publishable key, a default language.
 */
export type PortalConfig = { storeUrl?: string; publishableKey?: string | null; lang?: string | null }

declare global {
  interface Window {
    DISTRIBUTION_PORTAL_CONFIG?: PortalConfig
  }
}

export const config: PortalConfig = window.DISTRIBUTION_PORTAL_CONFIG ?? {}
export const baseUrl = (config.storeUrl || window.location.origin).replace(/\/+$/, "")
const TOKEN_KEY = "distribution_portal_token"

const sdkConfig = {
  baseUrl,
  publishableKey: config.publishableKey ?? undefined,
  auth: { type: "jwt" as const, jwtTokenStorageMethod: "local" as const, jwtTokenStorageKey: TOKEN_KEY },
}
// Medusa's client and auth alone (not the whole SDK with its admin resources): a lighter bundle.
const client = new Client(sdkConfig)
const auth = new Auth(client, sdkConfig)

export const centre = distributionClient({ client })

export const signedIn = () => {
  try {
    return !!window.localStorage.getItem(TOKEN_KEY)
  } catch {
    return false
  }
}

export async function signIn(email: string, password: string) {
  const result = await auth.login("customer", "emailpass", { email, password })
  if (typeof result !== "string") throw new Error("This sign-in needs another step the portal does not offer")
}

/** A new customer account (Medusa's emailpass registration, then the customer), signed in. */
export async function register(input: { email: string; password: string; first_name: string }) {
  await auth.register("customer", "emailpass", { email: input.email, password: input.password })
  await client.fetch("/store/customers", { method: "POST", body: { email: input.email, first_name: input.first_name } })
  await signIn(input.email, input.password)
}

export async function signOut() {
  await auth.logout().catch(() => undefined)
  try {
    window.localStorage.removeItem(TOKEN_KEY)
  } catch {
    // storage may be off (a private window): nothing kept
  }
}

export const statusOf = (error: unknown): number | null => (error instanceof FetchError ? error.status ?? null : null)

/** The message to show: the API's own for a 4xx/5xx, a network sentence when nothing answered. */
export function errorText(error: unknown, t: (key: "error.network" | "error.unknown") => string): string {
  if (error instanceof FetchError) return error.message || t("error.unknown")
  // What fetch throws when nothing answered (Chromium, Safari, Firefox); any other TypeError is a bug to show as it is.
  if (error instanceof TypeError && /failed to fetch|load failed|networkerror/i.test(error.message)) return t("error.network")
  return (error as Error)?.message || t("error.unknown")
}

type RegularVariant = { id: string; title: string | null; product_id: string | null; calculated_price?: { calculated_amount?: number | null } | null }

/**
 * The regular prices of variants in a currency (Medusa's own store API: a
 * region of that currency prices them), as decimal strings with the
 * currency's precision, by variant id; with the product's title.
 */
export async function regularPrices(variantIds: string[], currency: string): Promise<Record<string, { amount: string | null; title: string }>> {
  if (!variantIds.length) return {}
  const { regions } = await client.fetch<{ regions: { id: string; currency_code: string }[] }>("/store/regions", { query: { fields: "id,currency_code", limit: 100 } })
  const region = regions.find((r) => r.currency_code === currency.toLowerCase())
  const { variants } = await client.fetch<{ variants: RegularVariant[] }>("/store/product-variants", {
    query: { id: variantIds, limit: variantIds.length, fields: `id,title,product_id${region ? ",*calculated_price" : ""}`, ...(region ? { region_id: region.id } : {}) },
  })
  const productIds = [...new Set(variants.flatMap((v) => (v.product_id ? [v.product_id] : [])))]
  const { products } = productIds.length
    ? await client.fetch<{ products: { id: string; title: string }[] }>("/store/products", { query: { id: productIds, limit: productIds.length, fields: "id,title" } })
    : { products: [] }
  let digits = 2
  try {
    digits = new Intl.NumberFormat("en", { style: "currency", currency: currency.toUpperCase() }).resolvedOptions().maximumFractionDigits ?? 2
  } catch {
    // an unknown code: two decimals
  }
  return Object.fromEntries(
    variants.map((v) => {
      const amount = region ? v.calculated_price?.calculated_amount : null
      const title = [products.find((p) => p.id === v.product_id)?.title, v.title].filter(Boolean).join(" · ")
      return [v.id, { amount: amount === null || amount === undefined ? null : Number(amount).toFixed(digits), title }]
    })
  )
}
