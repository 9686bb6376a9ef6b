import crypto from "crypto"
import { decryptString, encryptString, parseEncryptionKey } from "../utils/crypto"
import { BANK, programmeDay } from "./fixtures"
import { distributionModuleTests } from "./module-runner"

jest.setTimeout(120_000)

const OLD = crypto.randomBytes(32).toString("hex")
const NEW = crypto.randomBytes(32).toString("hex")

/**
 * Rotating the personal-data key: the app keeps reading data under the previous
 * key, and reencryptPersonalData moves every value to the new one, once.
 */
distributionModuleTests(
  ({ service, MikroOrmWrapper }) => {
    const day = programmeDay({ service, MikroOrmWrapper })
    const under = (key: string, value: unknown) => encryptString(JSON.stringify(value), parseEncryptionKey(key))
    const stored = async (table: string, column: string, id: string) =>
      (await day.sql<{ value: string }>(`SELECT ${column} AS value FROM ${table} WHERE id = ?`, [id]))[0].value

    it("reads data under the previous key, moves all of it to the new key once, and leaves what no key reads", async () => {
      // Three distributors and a withdrawal written under the old key, one distributor under the new one.
      const ids = [await day.distributor(), await day.distributor(), await day.distributor()]
      const application = { name: "陈小明", phone: "13800138000", reason: "老客户推荐" }
      for (const id of ids) {
        await day.sql(`UPDATE distribution_distributor SET application = ? WHERE id = ?`, [under(OLD, application), id])
      }
      const fresh = await day.distributor()
      await day.sql(`UPDATE distribution_distributor SET application = ? WHERE id = ?`, [under(NEW, application), fresh])
      await day.adjust(ids[0], "500", "fund-0001")
      const { withdrawal_id } = await day.withdraw(ids[0], "120")
      await day.sql(`UPDATE distribution_withdrawal SET payout_account = ? WHERE id = ?`, [under(OLD, BANK), withdrawal_id])

      // Before the rotation the app reads both.
      expect(service.readApplication(await service.retrieveDistributor(ids[1]))).toEqual(application)
      expect(service.decryptPersonalData(await stored("distribution_withdrawal", "payout_account", withdrawal_id))).toEqual(BANK)

      const report = await service.reencryptPersonalData({ page_size: 2 })
      expect(report).toEqual([
        { table: "distribution_distributor", column: "application", reencrypted: 3, current: 1, unreadable: 0 },
        { table: "distribution_withdrawal", column: "payout_account", reencrypted: 1, current: 0, unreadable: 0 },
      ])
      // Every value now opens with the new key alone, and still says the same.
      for (const id of [...ids, fresh]) {
        expect(JSON.parse(decryptString(await stored("distribution_distributor", "application", id), parseEncryptionKey(NEW)))).toEqual(application)
      }
      expect(JSON.parse(decryptString(await stored("distribution_withdrawal", "payout_account", withdrawal_id), parseEncryptionKey(NEW)))).toEqual(BANK)

      // Again: nothing left to move.
      expect((await service.reencryptPersonalData()).map((r) => [r.reencrypted, r.current])).toEqual([
        [0, 4],
        [0, 1],
      ])

      // A value under a key the app no longer has is counted, never overwritten.
      const lost = under(crypto.randomBytes(32).toString("hex"), application)
      await day.sql(`UPDATE distribution_distributor SET application = ? WHERE id = ?`, [lost, fresh])
      expect((await service.reencryptPersonalData())[0]).toMatchObject({ unreadable: 1, current: 3 })
      expect(await stored("distribution_distributor", "application", fresh)).toBe(lost)
      expect(() => service.decryptPersonalData(lost)).toThrow("could not be decrypted with the current key or any previous one")
    })
  },
  { encryption_key: NEW, previous_encryption_keys: [OLD] }
)
