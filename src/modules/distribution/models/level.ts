import { model } from "@medusajs/framework/utils"
import Distributor from "./distributor"

/**
 * A tier of the programme. Rates are integer basis points per depth (1 = direct
 * referrer). Thresholds left null are not required for an upgrade into the level.
 */
const Level = model
  .define({ name: "distribution_level", tableName: "distribution_level" }, {
    id: model.id({ prefix: "dlvl" }).primaryKey(),
    name: model.text(),
    description: model.text().nullable(),
    rank: model.number(),
    rate_bps_1: model.number().default(0),
    rate_bps_2: model.number().default(0),
    rate_bps_3: model.number().default(0),
    upgrade_personal_sales: model.bigNumber().nullable(),
    upgrade_team_sales: model.bigNumber().nullable(),
    upgrade_direct_recruits: model.number().nullable(),
    upgrade_orders: model.number().nullable(),
    is_default: model.boolean().default(false),
    /** The plugin's customer group of this level's active distributors (per-level distributor prices), once created. */
    customer_group_id: model.text().nullable(),
    distributors: model.hasMany(() => Distributor, { mappedBy: "level" }),
  })
  .indexes([
    { name: "IDX_distribution_level_rank_unique", on: ["rank"], unique: true },
    {
      name: "IDX_distribution_level_single_default",
      on: ["is_default"],
      unique: true,
      where: "is_default = true",
    },
  ])
  .checks([
    (columns) =>
      `${columns.rate_bps_1} >= 0 AND ${columns.rate_bps_1} <= 10000 AND ${columns.rate_bps_2} >= 0 AND ${columns.rate_bps_2} <= 10000 AND ${columns.rate_bps_3} >= 0 AND ${columns.rate_bps_3} <= 10000`,
  ])

export default Level
