import { Auth, Client, FetchError } from "@medusajs/js-sdk"
import { distributionClient } from "../../client"
import { toAmount } from "./money"

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

type RegularVariant = { id: string; title: string | null; product_id: string | null; calculated_price?: { calculated_amount?: number | string | null } | null }

/** A currency's precision (two for an unknown code). */
function currencyDigits(currency: string) {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency: currency.toUpperCase() }).resolvedOptions().maximumFractionDigits ?? 2
  } catch {
    return 2
  }
}

/** What regularPrices answers: each variant's title, and its regular amount per currency (null: no price there). */
export type RegularPrices = { titles: Record<string, string>; amounts: Record<string, Record<string, string | null>> }

/**
 * The regular prices of variants in each currency (Medusa's own store API: a
 * region of the currency prices them; none, no price), as decimal strings
 * with the currency's precision, by currency then variant id; with each
 * variant's product and variant title.
 */
export async function regularPrices(variantIds: string[], currencies: string[]): Promise<RegularPrices> {
  if (!variantIds.length) return { titles: {}, amounts: {} }
  const { regions } = await client.fetch<{ regions: { id: string; currency_code: string }[] }>("/store/regions", { query: { fields: "id,currency_code", limit: 100 } })
  const variantsIn = async (regionId?: string) =>
    (
      await client.fetch<{ variants: RegularVariant[] }>("/store/product-variants", {
        query: { id: variantIds, limit: variantIds.length, fields: `id,title,product_id${regionId ? ",*calculated_price" : ""}`, ...(regionId ? { region_id: regionId } : {}) },
      })
    ).variants
  const priced = await Promise.all(
    currencies.map(async (currency) => {
      const region = regions.find((r) => r.currency_code.toLowerCase() === currency.toLowerCase())
      return { currency, region, variants: await variantsIn(region?.id) }
    })
  )
  const variants = priced[0]?.variants ?? (await variantsIn())
  const productIds = [...new Set(variants.flatMap((v) => (v.product_id ? [v.product_id] : [])))]
  const { products } = productIds.length
    ? await client.fetch<{ products: { id: string; title: string }[] }>("/store/products", { query: { id: productIds, limit: productIds.length, fields: "id,title" } })
    : { products: [] }
  const titles = Object.fromEntries(
    variants.map((v) => [v.id, [products.find((p) => p.id === v.product_id)?.title, v.title].filter(Boolean).join(" · ")])
  )
  const amounts = Object.fromEntries(
    priced.map(({ currency, region, variants: inCurrency }) => [
      currency.toLowerCase(),
      Object.fromEntries(
        inCurrency.map((v) => {
          const amount = region ? v.calculated_price?.calculated_amount : null
          return [v.id, amount === null || amount === undefined ? null : toAmount(amount, currencyDigits(currency))]
        })
      ),
    ])
  )
  return { titles, amounts }
}
