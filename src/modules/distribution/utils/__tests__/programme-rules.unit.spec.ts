import fc from "fast-check"
import { randomBytes } from "crypto"
import { decideApplication } from "../application"
import { bindingExpiry, decideBinding, isBindingValid } from "../binding"
import { decryptString, encryptString, parseEncryptionKey, saltedHash } from "../crypto"
import { DISTRIBUTOR_TRANSITIONS, nextDistributorStatus } from "../distributor-status"
import { maskEmail, maskName, maskPhone, maskTail } from "../mask"
import { generateReferralCode, normalizeReferralCode, REFERRAL_CODE_ALPHABET } from "../referral-code"
import { DEFAULT_SETTINGS, validateSettings } from "../settings"
import { childPath, isWithinSubtree, likePrefix, uplineIds } from "../tree-path"
import { DISTRIBUTOR_STATUSES } from "../../constants"

describe("referral codes", () => {
  it("use no look-alike characters", () => {
    for (const c of "0O1IL") {
      expect(REFERRAL_CODE_ALPHABET).not.toContain(c)
    }
    expect(new Set(REFERRAL_CODE_ALPHABET).size).toBe(REFERRAL_CODE_ALPHABET.length)
  })

  it("are generated from the alphabet at the asked length", () => {
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 16 }), fc.array(fc.nat(), { minLength: 16, maxLength: 16 }), (length, draws) => {
        let i = 0
        const code = generateReferralCode((n) => draws[i++] % n, length)
        expect(code).toHaveLength(length)
        expect([...code].every((c) => REFERRAL_CODE_ALPHABET.includes(c))).toBe(true)
        expect(normalizeReferralCode(code.toLowerCase())).toBe(code)
      })
    )
  })

  it("match case-insensitively and reject junk", () => {
    expect(normalizeReferralCode("  abc2345 ")).toBe("ABC2345")
    expect(normalizeReferralCode("ab0")).toBeNull()
    expect(normalizeReferralCode("OOOO")).toBeNull()
    expect(normalizeReferralCode("ABC-2345")).toBeNull()
    expect(normalizeReferralCode(42)).toBeNull()
    expect(normalizeReferralCode("A".repeat(17))).toBeNull()
  })
})

describe("tree paths", () => {
  it("build the upline nearest first", () => {
    const root = childPath(null, "dist_a")
    const mid = childPath(root, "dist_b")
    const leaf = childPath(mid, "dist_c")
    expect(leaf).toBe("/dist_a/dist_b/dist_c/")
    expect(uplineIds(leaf, "dist_c")).toEqual(["dist_b", "dist_a"])
    expect(uplineIds(root, "dist_a")).toEqual([])
    expect(isWithinSubtree(leaf, mid)).toBe(true)
    expect(isWithinSubtree(mid, leaf)).toBe(false)
    expect(isWithinSubtree("/dist_ab/", "/dist_a/")).toBe(false)
  })

  it("upline of any chain is the chain reversed", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^dist_[0-9A-Z]{1,8}$/), { minLength: 1, maxLength: 50 }), (ids) => {
        const path = ids.reduce<string | null>((p, id) => childPath(p, id), null)!
        const self = ids[ids.length - 1]
        expect(uplineIds(path, self)).toEqual(ids.slice(0, -1).reverse())
      })
    )
  })

  it("escape LIKE wildcards so ids with _ match only themselves", () => {
    expect(likePrefix("/dist_a/")).toBe("/dist\\_a/%")
    expect(likePrefix("/a%b\\c/")).toBe("/a\\%b\\\\c/%")
  })
})

describe("the distributor state machine", () => {
  const table: Record<string, Record<string, string | null>> = {
    pending: { approve: "active", reject: "rejected", suspend: null, reinstate: null },
    active: { approve: null, reject: null, suspend: "suspended", reinstate: null },
    rejected: { approve: null, reject: null, suspend: null, reinstate: null },
    suspended: { approve: null, reject: null, suspend: null, reinstate: "active" },
  }
  it.each(DISTRIBUTOR_STATUSES)("from %s allows exactly the listed actions", (from) => {
    for (const action of Object.keys(DISTRIBUTOR_TRANSITIONS) as (keyof typeof DISTRIBUTOR_TRANSITIONS)[]) {
      expect(nextDistributorStatus(from, action)).toBe(table[from][action])
    }
  })
})

describe("applications", () => {
  const facts = { order_count: 0, total_spent: "0", min_spend: "100", invited: false }
  it("decide per mode", () => {
    expect(decideApplication({ ...facts, mode: "auto" })).toEqual({ allowed: true, status: "active" })
    expect(decideApplication({ ...facts, mode: "review" })).toEqual({ allowed: true, status: "pending" })
    expect(decideApplication({ ...facts, mode: "after_first_order" }).allowed).toBe(false)
    expect(decideApplication({ ...facts, mode: "after_first_order", order_count: 1 })).toEqual({ allowed: true, status: "active" })
    expect(decideApplication({ ...facts, mode: "invite_only" }).allowed).toBe(false)
    expect(decideApplication({ ...facts, mode: "invite_only", invited: true })).toEqual({ allowed: true, status: "active" })
  })
  it("compare decimal spend exactly", () => {
    const short = decideApplication({ ...facts, mode: "min_spend", total_spent: "99.99" })
    expect(short).toEqual({
      allowed: false,
      reason: "The programme is open to customers who have spent at least 100; 0.01 to go.",
    })
    expect(decideApplication({ ...facts, mode: "min_spend", total_spent: "100" })).toEqual({ allowed: true, status: "active" })
  })
})

describe("bindings", () => {
  const now = new Date("2026-11-25T00:00:00.000Z")
  const base = { distributor_id: "dist_b", binding_days: 0, now }
  it("create, keep or replace per mode", () => {
    expect(decideBinding({ ...base, existing: null, mode: "first_touch" })).toEqual({ action: "create", expires_at: null })
    const valid = { distributor_id: "dist_a", expires_at: null }
    expect(decideBinding({ ...base, existing: valid, mode: "first_touch" })).toEqual({ action: "keep", reason: "first_touch" })
    expect(decideBinding({ ...base, existing: valid, mode: "last_touch" })).toEqual({ action: "replace", expires_at: null })
    expect(decideBinding({ ...base, existing: { ...valid, distributor_id: "dist_b" }, mode: "last_touch" })).toEqual({
      action: "keep",
      reason: "same_distributor",
    })
  })
  it("expire exactly at expires_at", () => {
    expect(isBindingValid({ distributor_id: "d", expires_at: new Date(now.getTime() + 1) }, now)).toBe(true)
    expect(isBindingValid({ distributor_id: "d", expires_at: now }, now)).toBe(false)
    const lapsed = { distributor_id: "dist_a", expires_at: now }
    expect(decideBinding({ ...base, existing: lapsed, mode: "first_touch", binding_days: 30 })).toEqual({
      action: "replace",
      expires_at: new Date("2026-12-25T00:00:00.000Z"),
    })
    expect(bindingExpiry(now, 0)).toBeNull()
  })
})

describe("encryption of personal data", () => {
  const key = randomBytes(32)
  it("round-trips any text and never stores it in the clear", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (text) => {
        const stored = encryptString(text, key)
        expect(decryptString(stored, key)).toBe(text)
        expect(stored.startsWith("v1:")).toBe(true)
      })
    )
    const stored = encryptString("13812345678", key)
    expect(stored).not.toContain("13812345678")
    expect(encryptString("13812345678", key)).not.toBe(stored)
  })
  it("detects tampering and a wrong key", () => {
    const [v, iv, tag, body] = encryptString("招商银行 6222020200112345678", key).split(":")
    const flipped = Buffer.from(body, "base64")
    flipped[0] ^= 1
    expect(() => decryptString([v, iv, tag, flipped.toString("base64")].join(":"), key)).toThrow()
    expect(() => decryptString([v, iv, tag, body].join(":"), randomBytes(32))).toThrow()
    expect(() => decryptString("plain text", key)).toThrow("Unrecognised encrypted value")
  })
  it("parses hex and base64 keys of 32 bytes only", () => {
    expect(parseEncryptionKey(key.toString("hex"))).toEqual(key)
    expect(parseEncryptionKey(key.toString("base64"))).toEqual(key)
    expect(() => parseEncryptionKey("short")).toThrow("32 bytes")
  })
  it("hashes visitors one way, per salt", () => {
    expect(saltedHash("1.2.3.4|UA", "s1")).toMatch(/^[0-9a-f]{64}$/)
    expect(saltedHash("1.2.3.4|UA", "s1")).toBe(saltedHash("1.2.3.4|UA", "s1"))
    expect(saltedHash("1.2.3.4|UA", "s1")).not.toBe(saltedHash("1.2.3.4|UA", "s2"))
  })
})

describe("masks", () => {
  it("hide names, emails, phones and accounts", () => {
    expect(maskName("王小明")).toBe("王*明")
    expect(maskName("张伟")).toBe("张*")
    expect(maskName("Li")).toBe("L*")
    expect(maskName("Anna Smith")).toBe("A********h")
    expect(maskName("")).toBeNull()
    expect(maskEmail("li.na@example.com")).toBe("l***@example.com")
    expect(maskPhone("13812345678")).toBe("138****5678")
    expect(maskPhone("+86 138 1234 5678")).toBe("+86****5678")
    expect(maskTail("6222 0202 0011 2345 678")).toBe("****5678")
    expect(maskTail("123")).toBe("***")
  })
})

describe("settings", () => {
  it("accept the defaults", () => {
    expect(() => validateSettings(DEFAULT_SETTINGS)).not.toThrow()
  })
  it.each([
    [{ max_depth: 0 }, "max_depth must be 1, 2 or 3"],
    [{ max_depth: 4 }, "max_depth must be 1, 2 or 3"],
    [{ order_cap_bps: 10001 }, "order_cap_bps must be a whole number of basis points"],
    [{ default_rate_bps_2: 2.5 }, "default_rate_bps_2 must be a whole number of basis points"],
    [{ freeze_days: -1 }, "freeze_days must be a whole number of days"],
    [{ min_withdrawal: -0.01 }, "min_withdrawal cannot be negative"],
    [{ withdrawal_methods: ["bitcoin"] }, "withdrawal_methods must list at least one of"],
    [{ withdrawal_methods: [] }, "withdrawal_methods must list at least one of"],
    [{ currency_code: "yuan" }, "currency_code must be a three-letter ISO 4217 code"],
  ])("refuse %j", (change, message) => {
    expect(() => validateSettings({ ...DEFAULT_SETTINGS, ...(change as object) })).toThrow(message)
  })
})
