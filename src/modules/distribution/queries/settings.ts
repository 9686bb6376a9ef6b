import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { BigNumber } from "@medusajs/framework/utils"
import { CommissionBase } from "../constants"
import { DistributionSettingsDTO } from "../types"
import { DistributionSettingsInput, MONEY_SETTINGS, SETTING_KEYS } from "../utils/settings"
import { rawAmount } from "../utils/sql"
import { newId } from "../utils/ids"

/**
 * Inserts the one settings row unless it exists. ON CONFLICT: two instances
 * booting at once both try; one row survives. Its columns are the settings'
 * own (SETTING_KEYS), an amount's raw_ twin beside it.
 */
export async function insertSettingsIfMissing(manager: EntityManager, s: DistributionSettingsInput): Promise<void> {
  const columns: string[] = ["id", "key", "commission_base"]
  const values: unknown[] = [newId("dset"), "default", CommissionBase.SUBTOTAL_AFTER_DISCOUNTS]
  const casts: string[] = ["?", "?", "?"]
  for (const key of SETTING_KEYS) {
    const value = s[key]
    columns.push(key)
    if (key === "currency_code") {
      values.push(s.currency_code?.toLowerCase() ?? null)
      casts.push("?")
    } else if (Array.isArray(value)) {
      values.push(JSON.stringify(value))
      casts.push("?::jsonb")
    } else {
      values.push(value)
      casts.push("?")
    }
    if ((MONEY_SETTINGS as readonly string[]).includes(key)) {
      columns.push(`raw_${key}`)
      values.push(rawAmount(value as number))
      casts.push("?::jsonb")
    }
  }
  await manager.execute(
    `INSERT INTO distribution_settings (${columns.join(", ")})
     VALUES (${casts.join(", ")})
     ON CONFLICT (key) WHERE deleted_at IS NULL DO NOTHING`,
    values
  )
}

/**
 * The settings row as the module's generated list returns it (an amount as a
 * number beside its exact raw_ twin), or null: one statement and no entity
 * built, since every credit and every centre page reads it.
 */
export async function readSettings(manager: EntityManager): Promise<DistributionSettingsDTO | null> {
  const [row]: Record<string, unknown>[] = await manager.execute(
    `SELECT * FROM distribution_settings WHERE key = 'default' AND deleted_at IS NULL ORDER BY id LIMIT 1`
  )
  if (!row) {
    return null
  }
  for (const key of MONEY_SETTINGS) {
    row[key] = new BigNumber(row[`raw_${key}`] as { value: string }).numeric
  }
  return row as unknown as DistributionSettingsDTO
}
