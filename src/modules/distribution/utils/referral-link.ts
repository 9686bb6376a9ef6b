// Loaded on the first QR code, not at boot.
const loadQr = () => require("qrcode") as typeof import("qrcode")
import { MedusaError } from "@medusajs/framework/utils"

/** The query parameter a storefront reads the referral code from. */
export const REFERRAL_PARAM = "ref"

/**
 * The referral URL of a store path: the store's base URL (its own path kept),
 * the path with its query string and fragment, and `ref=<code>` set once
 * (replacing a `ref` already in the path). Only paths on the store are
 * accepted: an absolute or protocol-relative URL would make the store's link
 * point elsewhere.
 */
export function referralUrl(storeUrl: string, path: string, code: string): string {
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "path must be a path on the store starting with a single / (not an absolute or protocol-relative URL)"
    )
  }
  const base = new URL(storeUrl)
  const url = new URL(base.origin + base.pathname.replace(/\/+$/, "") + path)
  url.searchParams.set(REFERRAL_PARAM, code)
  return url.toString()
}

/** The URL as a QR code: SVG markup and a PNG (base64), from the qrcode library. */
export async function referralQr(url: string): Promise<{ svg: string; png_base64: string }> {
  const QRCode = loadQr()
  const [svg, png] = await Promise.all([
    QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2 }),
    QRCode.toBuffer(url, { type: "png", errorCorrectionLevel: "M", margin: 2, width: 512 }),
  ])
  return { svg, png_base64: png.toString("base64") }
}
