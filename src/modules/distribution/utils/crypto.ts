import { createCipheriv, createDecipheriv, createHash, randomBytes } from "crypto"

/**
 * AES-256-GCM for personal data at rest (application data, payout accounts).
 * Stored form: `v1:<iv>:<tag>:<ciphertext>`, each part base64. The key is 32 bytes,
 * given as 64 hex characters or as base64.
 */
const VERSION = "v1"

export const MISSING_KEY_MESSAGE =
  "No encryption key for personal data: set DISTRIBUTION_ENCRYPTION_KEY (32 bytes, e.g. `openssl rand -hex 32`) in the app's environment or .env, or the plugin option encryption_key."

export function parseEncryptionKey(raw: string): Buffer {
  const trimmed = raw.trim()
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed)
    ? Buffer.from(trimmed, "hex")
    : Buffer.from(trimmed, "base64")
  if (key.length !== 32) {
    throw new Error(
      "The distribution encryption key must be 32 bytes: 64 hex characters or 44 base64 characters (e.g. `openssl rand -hex 32`)."
    )
  }
  return key
}

/** What is wrong with a configured key (missing, not 32 bytes), or null when it is usable. */
export function encryptionKeyProblem(raw: string | undefined): string | null {
  if (!raw) {
    return MISSING_KEY_MESSAGE
  }
  try {
    parseEncryptionKey(raw)
    return null
  } catch (e) {
    return (e as Error).message
  }
}

export function encryptString(plain: string, key: Buffer): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv("aes-256-gcm", key, iv)
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()])
  const tag = cipher.getAuthTag()
  return [VERSION, iv, tag, body]
    .map((p) => (typeof p === "string" ? p : p.toString("base64")))
    .join(":")
}

export function decryptString(stored: string, key: Buffer): string {
  const [version, iv, tag, body] = stored.split(":")
  if (version !== VERSION || !iv || !tag || body === undefined) {
    throw new Error("Unrecognised encrypted value")
  }
  const decipher = createDecipheriv(
    "aes-256-gcm",
    key,
    Buffer.from(iv, "base64")
  )
  decipher.setAuthTag(Buffer.from(tag, "base64"))
  return Buffer.concat([
    decipher.update(Buffer.from(body, "base64")),
    decipher.final(),
  ]).toString("utf8")
}

/** A salted one-way hash; used for visitor keys so no raw IP or device id is stored. */
export function saltedHash(value: string, salt: string): string {
  return createHash("sha256").update(salt).update("\u0000").update(value).digest("hex")
}
