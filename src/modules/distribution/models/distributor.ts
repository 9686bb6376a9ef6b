import { model } from "@medusajs/framework/utils"
import { DISTRIBUTOR_STATUSES, DistributorStatus } from "../constants"
import Level from "./level"

/**
 * A customer admitted to (or applying for) the programme.
 *
 * Its place in the tree — the materialised ancestor path including the
 * distributor itself, `/<root id>/.../<parent id>/<own id>/`, and the depth, 0
 * for a top-level distributor — is kept in a narrow table of its own,
 * `distribution_distributor_tree` (Migration20261206100000, queries/tree.ts):
 * the upline is the ids in the path (one primary-key read), the team is every
 * row whose path starts with it (one index range), and a subtree move rewrites
 * the prefix in one UPDATE of that table, not of this one and its indexes.
 * `parent_id` stays here. `team_size` and `direct_count` are counters kept in
 * the same transaction as every insert and move.
 *
 * `application` holds the applicant's personal data (name, phone, reason),
 * encrypted with AES-256-GCM; `email` and `display_name` are copies of the
 * Medusa customer's own fields, kept for search and sort at scale.
 */
const Distributor = model
  .define({ name: "distributor", tableName: "distribution_distributor" }, {
    id: model.id({ prefix: "dist" }).primaryKey(),
    customer_id: model.text(),
    email: model.text().nullable(),
    display_name: model.text().nullable(),
    referral_code: model.text().nullable(),
    parent_id: model.text().nullable(),
    status: model
      .enum(DISTRIBUTOR_STATUSES)
      .default(DistributorStatus.PENDING),
    application: model.text().nullable(),
    reviewed_by: model.text().nullable(),
    reviewed_at: model.dateTime().nullable(),
    reject_reason: model.text().nullable(),
    suspend_reason: model.text().nullable(),
    activated_at: model.dateTime().nullable(),
    team_size: model.number().default(0),
    direct_count: model.number().default(0),
    level: model.belongsTo(() => Level, { mappedBy: "distributors" }).nullable(),
    metadata: model.json().nullable(),
  })
  .indexes([
    {
      name: "IDX_distribution_distributor_customer_unique",
      on: ["customer_id"],
      unique: true,
    },
    {
      name: "IDX_distribution_distributor_code_unique",
      on: ["referral_code"],
      unique: true,
      where: "referral_code IS NOT NULL",
    },
    { name: "IDX_distribution_distributor_parent", on: ["parent_id"] },
    { name: "IDX_distribution_distributor_status", on: ["status", "created_at"] },
    // The admin reports: new distributors and recruits of a period.
    { name: "IDX_distribution_distributor_activated", on: ["activated_at"], where: "activated_at IS NOT NULL" },
    // The suspended few: the settlement holds their commissions, and asks this
    // small index instead of reading each earner's row (queries/commissions).
    { name: "IDX_distribution_distributor_suspended", on: ["id"], where: "status = 'suspended'" },
  ])

export default Distributor
