import type Medusa from "@medusajs/js-sdk"

/**
 * captureReferral: what a storefront (H5, PC, SSR, mini-program) does when a
 * visitor lands. It takes the referral code from the page's URL (`?ref=`, the
 * parameter the plugin's links carry) or resolves a mini-program code's
 * `scene`, records the visit (once per code per day per storage), remembers
 * the code for as long as the programme's referrals hold, puts it in the
 * cart's metadata (where the plugin reads it when the order is credited) and
 * applies the referrer's coupon to the cart when it has one. Without a code
 * in the URL it uses the remembered one, so a cart made later still carries it.
 *
 *   await captureReferral(sdk, { url: window.location.href, cartId: () => cookies.get("_medusa_cart_id") })
 */

/** Where the code is remembered: localStorage by default, anything with the same two methods otherwise (a cookie jar, wx storage). */
export type ReferralStorage = {
  getItem(key: string): string | null | Promise<string | null>
  setItem(key: string, value: string): void | Promise<void>
}

export type CaptureReferralInput = {
  /** The page's URL (absolute, or a path with its query) or its search parameters. */
  url?: string | URL | URLSearchParams | null
  /** A mini-program code's scene (onLoad's options.scene, decoded), resolved first. */
  scene?: string | null
  /** Defaults to globalThis.localStorage when there is one; without any, nothing is remembered. */
  storage?: ReferralStorage | null
  /** The current cart's id, if any: the code and the coupon go on it. */
  cartId?: () => string | null | undefined | Promise<string | null | undefined>
  /** A stable anonymous id of the visitor (device id, cookie); else the server uses address and user agent. */
  visitorId?: string
  /** How long to keep a code when the programme's referrals do not lapse (binding_days 0). Default 30. */
  rememberDays?: number
  now?: () => Date
}

export type CapturedReferral = {
  /** The code now in force (null: none). */
  referral_code: string | null
  /** Where it came from this time: the URL, a scene, or storage. */
  source: "link" | "qr" | "stored" | null
  /** Whether a visit was sent now (false when one was sent today from this storage). */
  visit_sent: boolean
  /** The cart the code was put on (null: no cart, or no code). */
  cart_id: string | null
  /** The referrer's coupon code applied to the cart (null: none, or Medusa refused it). */
  coupon_applied: string | null
}

/** The query parameter of the plugin's links (REFERRAL_PARAM on the server). */
export const REFERRAL_PARAM = "ref"
/** The cart metadata key the plugin reads the code from. */
export const CART_REFERRAL_KEY = "referral_code"
const REMEMBERED = "distribution.referral"
const VISITED = "distribution.visited."
const DAY_MS = 86_400_000

type Remembered = { code: string; expires_at: string; binding_days: number; coupon_code: string | null }
type Terms = { binding_days: number; coupon_code: string | null }

function defaultStorage(): ReferralStorage | null {
  try {
    const ls = (globalThis as { localStorage?: ReferralStorage }).localStorage
    return ls ?? null
  } catch {
    // A browser with storage disabled throws on access.
    return null
  }
}

/** The referral code in a URL, path or search parameters (null: none). */
export function referralCodeOf(url: CaptureReferralInput["url"]): string | null {
  if (!url) return null
  const params =
    url instanceof URLSearchParams
      ? url
      : url instanceof URL
        ? url.searchParams
        : new URL(url, "http://relative.invalid").searchParams
  const code = params.get(REFERRAL_PARAM)?.trim()
  return code ? code : null
}

/** The landing path of a URL, for the visit (null: search parameters only). */
function landingPath(url: CaptureReferralInput["url"]): string | null {
  if (!url || url instanceof URLSearchParams) return null
  const u = url instanceof URL ? url : new URL(url, "http://relative.invalid")
  return `${u.pathname}${u.search}`.slice(0, 2048)
}

function read<T>(raw: string | null): T | null {
  if (!raw) return null
  try {
    return JSON.parse(raw) as T
  } catch {
    return null
  }
}

/** Whether the error is an HTTP 404 of the js-sdk's fetch. */
const isNotFound = (e: unknown) => (e as { status?: number } | null)?.status === 404

export async function captureReferral(sdk: Medusa, input: CaptureReferralInput = {}): Promise<CapturedReferral> {
  const storage = input.storage === undefined ? defaultStorage() : input.storage
  const now = input.now?.() ?? new Date()
  const remembered = read<Remembered>((await storage?.getItem(REMEMBERED)) ?? null)
  const current = remembered && Date.parse(remembered.expires_at) > now.getTime() ? remembered : null

  let code: string | null = null
  let source: CapturedReferral["source"] = null
  let terms: Terms | null = null
  if (input.scene) {
    try {
      const share = await sdk.client.fetch<{ referral_code: string } & Terms>(
        `/store/distribution/share/${encodeURIComponent(input.scene)}`,
        { method: "GET" }
      )
      code = share.referral_code
      source = "qr"
      terms = { binding_days: share.binding_days, coupon_code: share.coupon_code }
    } catch (e) {
      // A scene nobody made (or of a distributor who stopped) is no referral; anything else is the caller's to see.
      if (!isNotFound(e) && (e as { status?: number }).status !== 400) throw e
    }
  }
  if (!code) {
    code = referralCodeOf(input.url)
    source = code ? "link" : null
  }

  let visit_sent = false
  if (code) {
    // Once per code per day per storage (the server counts a visitor once a day anyway); the terms come with the visit.
    const day = now.toISOString().slice(0, 10)
    const visitedKey = `${VISITED}${code}`
    const seen = read<Terms & { day: string }>((await storage?.getItem(visitedKey)) ?? null)
    if (seen?.day === day) {
      terms ??= seen
    } else {
      try {
        const visit = await sdk.client.fetch<{ referral_code: string } & Terms>("/store/distribution/visits", {
          method: "POST",
          body: {
            referral_code: code,
            source: source === "qr" ? "qr" : "link",
            landing_path: landingPath(input.url),
            ...(input.visitorId ? { visitor_id: input.visitorId } : {}),
          },
        })
        terms = { binding_days: visit.binding_days, coupon_code: visit.coupon_code }
        visit_sent = true
        await storage?.setItem(visitedKey, JSON.stringify({ day, ...terms }))
      } catch (e) {
        if (!isNotFound(e)) throw e
        // No active distributor has the code: keep what was remembered.
        code = null
        source = null
      }
    }
  }

  if (code) {
    const t = terms ?? { binding_days: 0, coupon_code: null }
    const days = t.binding_days > 0 ? t.binding_days : input.rememberDays ?? 30
    const kept: Remembered = {
      code,
      expires_at: new Date(now.getTime() + days * DAY_MS).toISOString(),
      binding_days: t.binding_days,
      coupon_code: t.coupon_code,
    }
    await storage?.setItem(REMEMBERED, JSON.stringify(kept))
    return { ...(await onCart(sdk, input, kept)), referral_code: code, source, visit_sent }
  }
  if (current) {
    return { ...(await onCart(sdk, input, current)), referral_code: current.code, source: "stored", visit_sent }
  }
  return { referral_code: null, source: null, visit_sent, cart_id: null, coupon_applied: null }
}

/** Puts the code in the cart's metadata (keeping the rest) and applies the coupon, each only when missing. */
async function onCart(sdk: Medusa, input: CaptureReferralInput, kept: Remembered) {
  const cartId = (await input.cartId?.()) ?? null
  if (!cartId) {
    return { cart_id: null, coupon_applied: null }
  }
  const { cart } = await sdk.store.cart.retrieve(cartId, { fields: "id,metadata,*promotions" })
  const metadata = (cart.metadata ?? {}) as Record<string, unknown>
  if (metadata[CART_REFERRAL_KEY] !== kept.code) {
    await sdk.store.cart.update(cartId, { metadata: { ...metadata, [CART_REFERRAL_KEY]: kept.code } })
  }
  let coupon_applied: string | null = null
  if (kept.coupon_code) {
    const codes = (cart.promotions ?? []).map((p) => p?.code)
    if (codes.includes(kept.coupon_code)) {
      coupon_applied = kept.coupon_code
    } else {
      try {
        await sdk.store.cart.addPromotions(cartId, { promo_codes: [kept.coupon_code] })
        coupon_applied = kept.coupon_code
      } catch (e) {
        // Medusa refuses a promotion the cart is not eligible for (used up, ended, another currency): the referral stands without it.
        if ((e as { status?: number }).status !== 400) throw e
      }
    }
  }
  return { cart_id: cartId, coupon_applied }
}
