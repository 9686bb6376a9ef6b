import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId } from "@medusajs/framework/utils"
import { CommissionBase } from "../constants"
import { DistributionSettingsInput } from "../types"
import { rawAmount } from "../utils/sql"

/**
 * Inserts the one settings row unless it exists. ON CONFLICT: two instances
 * booting at once both try; one row survives.
 */
export async function insertSettingsIfMissing(manager: EntityManager, s: DistributionSettingsInput): Promise<void> {
  await manager.execute(
    `INSERT INTO distribution_settings (id, key, enabled, max_depth, application_mode,
      application_min_spend, raw_application_min_spend, self_purchase, binding_mode,
      binding_days, bind_new_customers_only, commission_base, settle_on, freeze_days,
      order_cap_bps, min_withdrawal, raw_min_withdrawal, withdrawal_fee_bps,
      withdrawal_methods, default_rate_bps_1, default_rate_bps_2, default_rate_bps_3,
      currency_code)
     VALUES (?, 'default', ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?, ?, ?)
     ON CONFLICT (key) WHERE deleted_at IS NULL DO NOTHING`,
    [
      generateEntityId(undefined, "dset"),
      s.enabled,
      s.max_depth,
      s.application_mode,
      s.application_min_spend,
      rawAmount(s.application_min_spend),
      s.self_purchase,
      s.binding_mode,
      s.binding_days,
      s.bind_new_customers_only,
      CommissionBase.SUBTOTAL_AFTER_DISCOUNTS,
      s.settle_on,
      s.freeze_days,
      s.order_cap_bps,
      s.min_withdrawal,
      rawAmount(s.min_withdrawal),
      s.withdrawal_fee_bps,
      JSON.stringify(s.withdrawal_methods),
      s.default_rate_bps_1,
      s.default_rate_bps_2,
      s.default_rate_bps_3,
      s.currency_code?.toLowerCase() ?? null,
    ]
  )
}
