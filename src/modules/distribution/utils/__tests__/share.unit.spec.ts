import fc from "fast-check"
import { newSceneToken, SCENE_TOKEN_LENGTH, sceneRefusal, sharePayload } from "../share"

describe("share scenes", () => {
  it("makes tokens WeChat takes as a scene: ten letters and digits", () => {
    const tokens = new Set(Array.from({ length: 2000 }, () => newSceneToken()))
    expect(tokens.size).toBe(2000)
    for (const t of tokens) {
      expect(t).toMatch(/^[0-9A-Za-z]{10}$/)
      expect(sceneRefusal(t)).toBeNull()
    }
  })

  it("draws again the bytes that would bias the alphabet", () => {
    const bytes = [255, 250, 248, ...Array.from({ length: 40 }, (_, i) => i)]
    let i = 0
    const token = newSceneToken((n) => Buffer.from(Array.from({ length: n }, () => bytes[i++ % bytes.length])))
    expect(token).toBe("0123456789")
    expect(token).toHaveLength(SCENE_TOKEN_LENGTH)
  })

  it("refuses a scene that is empty, longer than 32 or holds a character WeChat does not allow", () => {
    expect(sceneRefusal("")).toMatch(/empty/)
    expect(sceneRefusal("a".repeat(33))).toMatch(/at most 32/)
    expect(sceneRefusal("a".repeat(32))).toBeNull()
    expect(sceneRefusal("id=1&from=qr")).toBeNull()
    for (const bad of ["a b", "a\u0000b", "a%20", "分销", "a\"b", "a<b>", "a\\b"]) {
      expect(sceneRefusal(bad)).toMatch(/letters, digits/)
    }
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const ok = sceneRefusal(s) === null
        expect(ok).toBe(s.length >= 1 && s.length <= 32 && /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]+$/.test(s))
      })
    )
  })

  it("gives every terminal the same shape", () => {
    expect(sharePayload({ url: "https://shop.example.com/?ref=ZHANG8", mini_program_page: "pages/index/index", scene: "a1B2c3D4e5" })).toEqual({
      url: "https://shop.example.com/?ref=ZHANG8",
      mini_program: { path: "pages/index/index", scene: "a1B2c3D4e5" },
    })
  })
})
