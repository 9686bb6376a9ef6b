import { randomBytes } from "crypto"
import { ShareTarget } from "../constants"

/**
 * Shares for every terminal: an H5/PC URL carrying the referral code, and for
 * a WeChat mini-program the page and a `scene` to render its own 小程序码
 * with (wxacode.getUnlimited). WeChat takes at most 32 visible characters
 * from [0-9A-Za-z] and !#$&'()*+,/:;=?@-._~ as a scene; the plugin's tokens
 * use letters and digits only, so they survive every URL and query unescaped.
 */
export const SCENE_MAX_LENGTH = 32
export const SCENE_TOKEN_LENGTH = 10
const SCENE_PATTERN = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

/** Why a scene as received cannot be one (null: it can): too long, empty, or a character WeChat does not allow. */
export function sceneRefusal(scene: string): string | null {
  if (!scene.length) return "scene is empty"
  if (scene.length > SCENE_MAX_LENGTH) return `scene must be at most ${SCENE_MAX_LENGTH} characters`
  if (!SCENE_PATTERN.test(scene)) {
    return "scene may hold only letters, digits and !#$&'()*+,/:;=?@-._~ (a WeChat mini-program code's scene)"
  }
  return null
}

/** A new random token of SCENE_TOKEN_LENGTH letters and digits (unbiased: bytes ≥ 248 are drawn again). */
export function newSceneToken(random: (n: number) => Buffer = randomBytes): string {
  let token = ""
  while (token.length < SCENE_TOKEN_LENGTH) {
    for (const byte of random(SCENE_TOKEN_LENGTH * 2)) {
      if (byte < 248 && token.length < SCENE_TOKEN_LENGTH) token += ALPHABET[byte % 62]
    }
  }
  return token
}

/** What a share opens. `path` is the store path of its H5/PC URL. */
export type ShareTargetInput = { type: ShareTarget; id: string | null; path: string }

/** The key a share is reused under: one token per distributor, target and path. */
export const shareKey = (t: { type: string; id: string | null; path: string }) => `${t.type}\u0000${t.id ?? ""}\u0000${t.path}`

/** The share payload every link route returns: the URL, and the mini-program's page and scene. */
export function sharePayload(input: { url: string; mini_program_page: string; scene: string }) {
  return { url: input.url, mini_program: { path: input.mini_program_page, scene: input.scene } }
}
export type SharePayload = ReturnType<typeof sharePayload>

/** A product's page on the storefront (Medusa's Next.js starter's path; the poster's QR opens the same). */
export const productPath = (handle: string) => `/products/${encodeURIComponent(handle)}`

/** A sale's page on the storefront. */
export const salePath = (saleId: string) => `/sales/${encodeURIComponent(saleId)}`

/** A 拼团 group's page on the storefront: where its share (the leader's referral link) opens. */
export const groupPath = (groupBuyId: string, groupId: string) =>
  `/group-buys/${encodeURIComponent(groupBuyId)}/groups/${encodeURIComponent(groupId)}`
