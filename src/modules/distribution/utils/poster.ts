// qrcode and resvg (a native addon) are loaded on the first poster, not at
// boot: a server that never draws one does not carry them.
const loadQr = () => require("qrcode") as typeof import("qrcode")
const loadResvg = () => (require("@resvg/resvg-js") as typeof import("@resvg/resvg-js")).Resvg
import { BigNumberInput } from "@medusajs/framework/types"
import { formatAmount } from "./money"

/** "CNY 129.90": the amount rounded down to the currency's minor unit, padded to it. */
export function formatPrice(amount: BigNumberInput, currencyCode: string): string {
  return `${currencyCode.toUpperCase()} ${formatAmount(amount, currencyCode)}`
}

export type PosterInput = {
  title: string
  /** Already formatted, e.g. "CNY 129.90". */
  price: string | null
  referral_code: string
  url: string
  /** A font file with CJK glyphs; else the system's fonts are used. */
  font_file?: string | null
}

const WIDTH = 750
const HEIGHT = 1200
const QR_SIZE = 420

const escapeXml = (s: string) =>
  s.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!)

/** Wraps a title at a width counted in half-width units (a CJK character is two). */
export function wrapTitle(title: string, width = 28, maxLines = 3): string[] {
  const lines: string[] = []
  let line = ""
  let used = 0
  for (const ch of Array.from(title.trim())) {
    const w = /[\u1100-\uffff]/.test(ch) ? 2 : 1
    if (used + w > width) {
      lines.push(line)
      line = ""
      used = 0
    }
    line += ch
    used += w
  }
  if (line) lines.push(line)
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines)
    kept[maxLines - 1] = Array.from(kept[maxLines - 1]).slice(0, -1).join("") + "…"
    return kept
  }
  return lines
}

/** The share poster as SVG: title, price, the distributor's code and the QR of its link. */
export async function posterSvg(input: PosterInput): Promise<string> {
  const QRCode = loadQr()
  const qr = await QRCode.toString(input.url, { type: "svg", errorCorrectionLevel: "M", margin: 2 })
  const qrInner = qr.replace(/^<svg[^>]*>/, "").replace(/<\/svg>\s*$/, "")
  const viewBox = /viewBox="([^"]+)"/.exec(qr)?.[1] ?? "0 0 1 1"
  const title = wrapTitle(input.title)
    .map((line, i) => `<text x="60" y="${170 + i * 58}" font-size="44" font-weight="bold" fill="#1f2329">${escapeXml(line)}</text>`)
    .join("")
  const qrX = (WIDTH - QR_SIZE) / 2
  const qrY = 440
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">
<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff7f0"/>
<rect x="30" y="30" width="${WIDTH - 60}" height="${HEIGHT - 60}" rx="24" fill="#ffffff"/>
${title}
${input.price ? `<text x="60" y="370" font-size="52" font-weight="bold" fill="#e4393c">${escapeXml(input.price)}</text>` : ""}
<svg x="${qrX}" y="${qrY}" width="${QR_SIZE}" height="${QR_SIZE}" viewBox="${viewBox}" shape-rendering="crispEdges">${qrInner}</svg>
<text x="${WIDTH / 2}" y="${qrY + QR_SIZE + 70}" font-size="32" text-anchor="middle" fill="#646a73">扫码购买 · Scan to shop</text>
<text x="${WIDTH / 2}" y="${qrY + QR_SIZE + 130}" font-size="40" text-anchor="middle" font-weight="bold" fill="#1f2329">${escapeXml(input.referral_code)}</text>
</svg>`
}

/** The poster as PNG, rendered by resvg with the configured font file or the system's fonts. */
export async function renderPoster(input: PosterInput): Promise<Buffer> {
  const svg = await posterSvg(input)
  const Resvg = loadResvg()
  const resvg = new Resvg(svg, {
    background: "#ffffff",
    font: {
      loadSystemFonts: true,
      fontFiles: input.font_file ? [input.font_file] : [],
      defaultFontFamily: "Noto Sans CJK SC",
      sansSerifFamily: "Noto Sans CJK SC",
    },
  })
  return resvg.render().asPng()
}
