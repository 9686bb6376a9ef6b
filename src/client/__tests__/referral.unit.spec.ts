import type Medusa from "@medusajs/js-sdk"
import { captureReferral, referralCodeOf, ReferralStorage } from "../referral"

/** A storefront's storage and a store that answers like the plugin's routes and Medusa's cart routes. */
function fakes(options: { codes?: Record<string, { binding_days: number; coupon_code: string | null }>; scenes?: Record<string, string>; refusedCoupons?: string[] } = {}) {
  const codes = options.codes ?? { ZHANG8: { binding_days: 30, coupon_code: "VIP-ZHANG8" } }
  const items = new Map<string, string>()
  const storage: ReferralStorage = { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) }
  const calls: { path: string; body?: unknown }[] = []
  const cart = { id: "cart_1", metadata: { gift_note: "生日快乐" } as Record<string, unknown>, promotions: [] as { code: string }[] }
  const notFound = () => Object.assign(new Error("Not found"), { status: 404 })
  const sdk = {
    client: {
      fetch: async (path: string, init: { method: string; body?: { referral_code: string } }) => {
        calls.push({ path, body: init.body })
        if (path === "/store/distribution/visits") {
          const terms = codes[init.body!.referral_code]
          if (!terms) throw notFound()
          return { recorded: true, referral_code: init.body!.referral_code, ...terms }
        }
        const scene = decodeURIComponent(path.replace("/store/distribution/share/", ""))
        const code = options.scenes?.[scene]
        if (!code) throw notFound()
        return { scene, referral_code: code, ...codes[code] }
      },
    },
    store: {
      cart: {
        retrieve: async () => ({ cart: structuredClone(cart) }),
        update: async (_id: string, body: { metadata: Record<string, unknown> }) => {
          calls.push({ path: "cart.update", body })
          cart.metadata = body.metadata
          return { cart }
        },
        addPromotions: async (_id: string, body: { promo_codes: string[] }) => {
          calls.push({ path: "cart.addPromotions", body })
          if (options.refusedCoupons?.includes(body.promo_codes[0])) throw Object.assign(new Error("not applicable"), { status: 400 })
          cart.promotions.push({ code: body.promo_codes[0] })
          return { cart }
        },
      },
    },
  } as unknown as Medusa
  return { sdk, storage, items, calls, cart }
}

const at = (iso: string) => () => new Date(iso)

describe("captureReferral", () => {
  it("reads ?ref= from a URL, a path or search parameters", () => {
    expect(referralCodeOf("https://shop.example.com/products/cashmere?ref=ZHANG8&utm=x")).toBe("ZHANG8")
    expect(referralCodeOf("/products/cashmere?ref=ZHANG8")).toBe("ZHANG8")
    expect(referralCodeOf(new URLSearchParams("ref=ZHANG8"))).toBe("ZHANG8")
    expect(referralCodeOf("/products/cashmere?ref=")).toBeNull()
    expect(referralCodeOf(null)).toBeNull()
  })

  it("records the visit, remembers the code for the programme's window, puts it on the cart and applies the coupon", async () => {
    const { sdk, storage, items, calls, cart } = fakes()
    const result = await captureReferral(sdk, { url: "https://shop.example.com/products/cashmere?ref=ZHANG8", storage, cartId: () => "cart_1", now: at("2026-12-01T08:00:00Z") })
    expect(result).toEqual({ referral_code: "ZHANG8", source: "link", visit_sent: true, cart_id: "cart_1", coupon_applied: "VIP-ZHANG8" })
    expect(calls[0]).toEqual({ path: "/store/distribution/visits", body: { referral_code: "ZHANG8", source: "link", landing_path: "/products/cashmere?ref=ZHANG8" } })
    expect(cart.metadata).toEqual({ gift_note: "生日快乐", referral_code: "ZHANG8" })
    expect(cart.promotions).toEqual([{ code: "VIP-ZHANG8" }])
    expect(JSON.parse(items.get("distribution.referral")!)).toMatchObject({ code: "ZHANG8", expires_at: "2026-12-31T08:00:00.000Z" })
  })

  it("sends one visit per code per day per storage, and touches the cart only when something is missing", async () => {
    const { sdk, storage, calls } = fakes()
    const url = "/?ref=ZHANG8"
    await captureReferral(sdk, { url, storage, cartId: () => "cart_1", now: at("2026-12-01T08:00:00Z") })
    const again = await captureReferral(sdk, { url, storage, cartId: () => "cart_1", now: at("2026-12-01T20:00:00Z") })
    expect(again).toMatchObject({ visit_sent: false, referral_code: "ZHANG8", coupon_applied: "VIP-ZHANG8" })
    const nextDay = await captureReferral(sdk, { url, storage, now: at("2026-12-02T08:00:00Z") })
    expect(nextDay.visit_sent).toBe(true)
    expect(calls.filter((c) => c.path === "/store/distribution/visits")).toHaveLength(2)
    expect(calls.filter((c) => c.path === "cart.update")).toHaveLength(1)
    expect(calls.filter((c) => c.path === "cart.addPromotions")).toHaveLength(1)
  })

  it("uses the remembered code on a later page until it lapses", async () => {
    const { sdk, storage } = fakes({ codes: { LI5: { binding_days: 7, coupon_code: null } } })
    await captureReferral(sdk, { url: "/?ref=LI5", storage, now: at("2026-12-01T08:00:00Z") })
    const later = await captureReferral(sdk, { url: "/cart", storage, cartId: () => "cart_1", now: at("2026-12-07T08:00:00Z") })
    expect(later).toEqual({ referral_code: "LI5", source: "stored", visit_sent: false, cart_id: "cart_1", coupon_applied: null })
    const lapsed = await captureReferral(sdk, { url: "/cart", storage, cartId: () => "cart_1", now: at("2026-12-08T08:00:01Z") })
    expect(lapsed.referral_code).toBeNull()
  })

  it("keeps a code 30 days (or rememberDays) when referrals do not lapse", async () => {
    const { sdk, storage, items } = fakes({ codes: { WANG: { binding_days: 0, coupon_code: null } } })
    await captureReferral(sdk, { url: "/?ref=WANG", storage, rememberDays: 90, now: at("2026-12-01T00:00:00Z") })
    expect(JSON.parse(items.get("distribution.referral")!).expires_at).toBe("2027-03-01T00:00:00.000Z")
  })

  it("resolves a mini-program scene first and records the visit as qr", async () => {
    const { sdk, storage, calls } = fakes({ scenes: { a1B2c3D4e5: "ZHANG8" } })
    const result = await captureReferral(sdk, { scene: "a1B2c3D4e5", storage, now: at("2026-12-01T08:00:00Z") })
    expect(result).toMatchObject({ referral_code: "ZHANG8", source: "qr", visit_sent: true })
    expect(calls[0].path).toBe("/store/distribution/share/a1B2c3D4e5")
    expect(calls[1].body).toMatchObject({ referral_code: "ZHANG8", source: "qr" })
  })

  it("ignores an unknown code or scene and keeps the one remembered", async () => {
    const { sdk, storage } = fakes()
    await captureReferral(sdk, { url: "/?ref=ZHANG8", storage, now: at("2026-12-01T08:00:00Z") })
    expect(await captureReferral(sdk, { url: "/?ref=NOBODY", storage, now: at("2026-12-02T08:00:00Z") })).toMatchObject({ referral_code: "ZHANG8", source: "stored" })
    expect(await captureReferral(sdk, { scene: "nothing", storage, now: at("2026-12-02T08:00:00Z") })).toMatchObject({ referral_code: "ZHANG8", source: "stored" })
  })

  it("keeps the referral when Medusa refuses the coupon for the cart", async () => {
    const { sdk, storage, cart } = fakes({ refusedCoupons: ["VIP-ZHANG8"] })
    const result = await captureReferral(sdk, { url: "/?ref=ZHANG8", storage, cartId: async () => "cart_1" })
    expect(result).toMatchObject({ referral_code: "ZHANG8", coupon_applied: null })
    expect(cart.metadata.referral_code).toBe("ZHANG8")
  })

  it("works without any storage (SSR): the visit is sent and nothing is remembered", async () => {
    const { sdk } = fakes()
    expect(await captureReferral(sdk, { url: "/?ref=ZHANG8", storage: null })).toMatchObject({ referral_code: "ZHANG8", visit_sent: true, cart_id: null })
    expect(await captureReferral(sdk, { url: "/", storage: null })).toMatchObject({ referral_code: null })
  })
})
