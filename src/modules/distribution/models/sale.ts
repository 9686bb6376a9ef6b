import { model } from "@medusajs/framework/utils"
import { SALE_COMMISSIONS, SaleCommission } from "../constants"

/**
 * A limited-time sale (限时折扣): a Medusa price list of type sale that the
 * plugin owns (Medusa prices the carts, shows the strike-through and keeps the
 * schedule), with its window copied here so that the no-overlap check and the
 * credit's "which sale priced this line" are one indexed query each, and the
 * sale's commission policy. `percent_off_bps` is set when the prices were
 * computed from the variants' own (null: fixed sale prices). `time_zone` is
 * the zone the window is shown in; the instants are stored in UTC.
 * `started_event_at` / `ended_event_at` say when the sale's start and end were
 * announced (distribution.sale.started / .ended): each is claimed once by a
 * conditional UPDATE, so a transition is announced once by whichever instance
 * claims it first, and never again after a restart.
 */
const DistributionSale = model
  .define({ name: "distribution_sale", tableName: "distribution_sale" }, {
    id: model.id({ prefix: "dsale" }).primaryKey(),
    name: model.text(),
    /** The Medusa price list; null only between the sale's reservation and the list's creation in one workflow. */
    price_list_id: model.text().nullable(),
    starts_at: model.dateTime(),
    ends_at: model.dateTime(),
    time_zone: model.text(),
    percent_off_bps: model.number().nullable(),
    commission_policy: model.enum(SALE_COMMISSIONS).default(SaleCommission.NORMAL),
    rate_bps_1: model.number().nullable(),
    rate_bps_2: model.number().nullable(),
    rate_bps_3: model.number().nullable(),
    started_event_at: model.dateTime().nullable(),
    ended_event_at: model.dateTime().nullable(),
  })
  .indexes([
    { name: "IDX_distribution_sale_price_list_unique", on: ["price_list_id"], unique: true, where: "deleted_at IS NULL AND price_list_id IS NOT NULL" },
    { name: "IDX_distribution_sale_window", on: ["ends_at", "starts_at"], where: "deleted_at IS NULL" },
    // The announcement job's two lookups read only the sales whose transition is still to announce.
    { name: "IDX_distribution_sale_start_unannounced", on: ["starts_at"], where: "deleted_at IS NULL AND started_event_at IS NULL" },
    { name: "IDX_distribution_sale_end_unannounced", on: ["ends_at"], where: "deleted_at IS NULL AND ended_event_at IS NULL" },
  ])

export default DistributionSale
