import { randomFillSync } from "crypto"

/** Crockford's base32, the alphabet of a ULID. */
const ENCODING = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

/** Random bytes drawn from the system a pool at a time; each byte is used once. */
const pool = new Uint8Array(4096)
let next = pool.length

/**
 * A new id as Medusa's generateEntityId makes one: `<prefix>_<ULID>` (the
 * time in milliseconds, then 80 random bits), so the plugin's ids look and
 * sort like every other id of the store. Medusa's ulid asks the system for
 * one random byte per character, which cost 0.12 ms an id on a small
 * machine: 120 ms for a settlement batch's thousand ledger entries, and as
 * much again for their wallets. Here a character is five bits of a byte from
 * a pooled buffer (256 is a multiple of 32: no character is likelier than
 * another).
 */
export function newId(prefix: string): string {
  if (next + 16 > pool.length) {
    randomFillSync(pool)
    next = 0
  }
  let time = Date.now()
  let id = ""
  for (let i = 0; i < 10; i++) {
    id = ENCODING[time % 32] + id
    time = Math.floor(time / 32)
  }
  for (let i = 0; i < 16; i++) {
    id += ENCODING[pool[next++] & 31]
  }
  return `${prefix}_${id}`
}
