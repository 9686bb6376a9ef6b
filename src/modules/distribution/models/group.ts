import { model } from "@medusajs/framework/utils"
import { GROUP_STATUSES, GroupStatus } from "../constants"

/**
 * One group of a group buy. `reserved` counts seats held by unpaid checkouts,
 * `paid` the members who paid; the database refuses reserved + paid > size
 * (CHECK), and a seat is taken by one conditional UPDATE, so the last seat goes
 * to exactly one buyer. `virtual_count` is the seats a virtual completion
 * filled (a count: no customer is made up).
 */
const DistributionGroup = model
  .define({ name: "distribution_group", tableName: "distribution_group" }, {
    id: model.id({ prefix: "dgrp" }).primaryKey(),
    group_buy_id: model.text(),
    leader_customer_id: model.text(),
    status: model.enum(GROUP_STATUSES).default(GroupStatus.FORMING),
    size: model.number(),
    reserved: model.number().default(0),
    paid: model.number().default(0),
    virtual_count: model.number().default(0),
    currency_code: model.text(),
    opened_at: model.dateTime().nullable(),
    expires_at: model.dateTime().nullable(),
    succeeded_at: model.dateTime().nullable(),
    failed_at: model.dateTime().nullable(),
    leader_bonus_entry_id: model.text().nullable(),
  })
  .indexes([
    { name: "IDX_distribution_group_activity", on: ["group_buy_id", "status"], where: "deleted_at IS NULL" },
    { name: "IDX_distribution_group_open_expiry", on: ["expires_at"], where: "deleted_at IS NULL AND status = 'open'" },
  ])
  .checks([{ name: "distribution_group_seats", expression: (c) => `${c.reserved} >= 0 AND ${c.paid} >= 0 AND ${c.reserved} + ${c.paid} <= ${c.size}` }])

export default DistributionGroup
