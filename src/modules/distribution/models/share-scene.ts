import { model } from "@medusajs/framework/utils"
import { SHARE_TARGETS } from "../constants"

/**
 * A share's short token (the `scene` of a WeChat 小程序码, at most 32
 * characters): one per distributor and target, made once and reused, so a
 * code printed yesterday still resolves to the same distributor and page.
 * The uniqueness of (distributor, target, path) is an index on md5(path) in
 * the migration (a path may be longer than a btree entry allows).
 */
const DistributionShareScene = model
  .define({ name: "distribution_share_scene", tableName: "distribution_share_scene" }, {
    id: model.id({ prefix: "dshr" }).primaryKey(),
    scene: model.text(),
    distributor_id: model.text(),
    target_type: model.enum(SHARE_TARGETS),
    target_id: model.text().nullable(),
    /** The store path the share's URL opens (with its query string), without the referral parameter. */
    path: model.text(),
  })
  .indexes([
    { name: "IDX_distribution_share_scene_scene_unique", on: ["scene"], unique: true },
    { name: "IDX_distribution_share_scene_distributor", on: ["distributor_id"], where: "deleted_at IS NULL" },
  ])

export default DistributionShareScene
