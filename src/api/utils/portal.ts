import fs from "fs"
import path from "path"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { IApiKeyModuleService } from "@medusajs/framework/types"
import { ApiKeyType, Modules } from "@medusajs/framework/utils"

/**
 * The distributor portal (src/portal, built into .medusa/server/portal), served
 * by the Medusa server itself at DISTRIBUTION_PORTAL_PATH (default
 * /distribution; DISTRIBUTION_PORTAL=off turns it off). Outside /store, so no
 * publishable key or auth middleware applies: the page itself sends the key it
 * reads from the generated config.js. Hashed assets are immutable; index.html
 * and config.js are never cached, so a new build or key shows at once.
 */
export const PORTAL_PATH = normalisePath(process.env.DISTRIBUTION_PORTAL_PATH || "/distribution")
/** Read per request: turning it off needs no new middleware, only a restart's environment (or a test's). */
export const portalEnabled = () => (process.env.DISTRIBUTION_PORTAL || "").toLowerCase() !== "off"

function normalisePath(p: string) {
  const trimmed = `/${p.replace(/^\/+|\/+$/g, "")}`
  return trimmed === "/" ? "/distribution" : trimmed
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".webmanifest": "application/manifest+json",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
}

/** The built portal: beside the compiled plugin (.medusa/server/portal), or this repository's build when run from src. */
export function portalDirectory(): string | null {
  const candidates = [
    path.resolve(__dirname, "..", "..", "..", "portal"),
    path.resolve(__dirname, "..", "..", "..", ".medusa", "server", "portal"),
  ]
  return candidates.find((dir) => fs.existsSync(path.join(dir, "index.html"))) ?? null
}

/**
 * The file a request path names inside `root`, or why not: 400 for a path
 * that does not decode or climbs out, 404 for one that is not there.
 */
export function resolvePortalFile(root: string, requestPath: string): { file: string } | { status: 400 | 404; message: string } {
  let decoded: string
  try {
    decoded = decodeURIComponent(requestPath)
  } catch {
    return { status: 400, message: "The path is not valid percent-encoding" }
  }
  if (decoded.includes("\0") || decoded.includes("\\") || decoded.split("/").some((s) => s === "..")) {
    return { status: 400, message: "The path may not leave the portal" }
  }
  const relative = decoded.replace(/^\/+/, "") || "index.html"
  const file = path.resolve(root, relative)
  if (file !== root && !file.startsWith(root + path.sep)) {
    return { status: 400, message: "The path may not leave the portal" }
  }
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    return { status: 404, message: "No such file in the portal" }
  }
  return { file }
}

/** The publishable key the portal sends: DISTRIBUTION_PORTAL_PUBLISHABLE_KEY, else the oldest one not revoked. */
async function publishableKey(req: MedusaRequest): Promise<string | null> {
  if (process.env.DISTRIBUTION_PORTAL_PUBLISHABLE_KEY) {
    return process.env.DISTRIBUTION_PORTAL_PUBLISHABLE_KEY
  }
  const apiKeys = req.scope.resolve<IApiKeyModuleService>(Modules.API_KEY)
  // A key is revoked from its revoked_at on (Medusa may set it in the future); stores have a handful.
  const keys = await apiKeys.listApiKeys({ type: ApiKeyType.PUBLISHABLE }, { order: { created_at: "ASC" } })
  const now = Date.now()
  return keys.find((k) => !k.revoked_at || new Date(k.revoked_at).getTime() > now)?.token ?? null
}

/** config.js: what a hand-written one on a CDN says too (see docs/portal.md). */
export function portalConfigScript(config: { storeUrl: string; publishableKey: string | null; lang: string | null }) {
  return `window.DISTRIBUTION_PORTAL_CONFIG = ${JSON.stringify(config).replace(/</g, "\\u003c")};\n`
}

/** The middleware mounted at PORTAL_PATH (Express strips the mount path from req.path). */
export async function servePortal(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (!portalEnabled() || (req.method !== "GET" && req.method !== "HEAD")) {
    return next()
  }
  // The page's relative asset URLs need the trailing slash.
  if (req.path === "/" && !req.originalUrl.split("?")[0].endsWith("/")) {
    const query = req.originalUrl.includes("?") ? req.originalUrl.slice(req.originalUrl.indexOf("?")) : ""
    return res.redirect(301, `${PORTAL_PATH}/${query}`)
  }
  if (req.path === "/config.js") {
    res.setHeader("Content-Type", TYPES[".js"])
    res.setHeader("Cache-Control", "no-cache")
    res.status(200).send(
      portalConfigScript({
        storeUrl: process.env.DISTRIBUTION_PORTAL_STORE_URL || "",
        publishableKey: await publishableKey(req),
        lang: process.env.DISTRIBUTION_PORTAL_LANG || null,
      })
    )
    return
  }
  const root = portalDirectory()
  if (!root) {
    res.status(503).json({ type: "not_allowed", message: "The distributor portal is not built: run `npm run build`" })
    return
  }
  const found = resolvePortalFile(root, req.path)
  if ("status" in found) {
    res.status(found.status).json({ type: found.status === 400 ? "invalid_data" : "not_found", message: found.message })
    return
  }
  const ext = path.extname(found.file).toLowerCase()
  res.setHeader("Content-Type", TYPES[ext] ?? "application/octet-stream")
  res.setHeader("X-Content-Type-Options", "nosniff")
  res.setHeader(
    "Cache-Control",
    found.file.includes(`${path.sep}assets${path.sep}`) ? "public, max-age=31536000, immutable" : "no-cache"
  )
  res.status(200).send(req.method === "HEAD" ? undefined : fs.readFileSync(found.file))
}
