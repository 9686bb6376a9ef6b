import { model } from "@medusajs/framework/utils"

/**
 * The cached balances of one distributor in one currency, updated in the same
 * transaction as each ledger entry (and re-derivable from the ledger by the
 * reconcile command). `available` may go negative: a debt after a clawback.
 */
const Wallet = model
  .define({ name: "wallet", tableName: "distribution_wallet" }, {
    id: model.id({ prefix: "dwal" }).primaryKey(),
    distributor_id: model.text(),
    currency_code: model.text(),
    available: model.bigNumber().default(0),
    held: model.bigNumber().default(0),
    withdrawn: model.bigNumber().default(0),
  })
  .indexes([
    {
      name: "IDX_distribution_wallet_unique",
      on: ["distributor_id", "currency_code"],
      unique: true,
    },
  ])

export default Wallet
