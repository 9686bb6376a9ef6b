import { model } from "@medusajs/framework/utils"

/**
 * The cached balances of one distributor in one currency, updated in the same
 * transaction as each ledger entry (and re-derivable from the ledger by the
 * reconcile command). `available` may go negative: a debt after a clawback.
 *
 * The table keeps a fifth of each page free (fillfactor 80, set by migration
 * 20261203100000; the data model cannot say it): no index covers a balance, so
 * a balance update finds room beside the old row and is a HOT update, which
 * writes no index entry. The settlement updates up to a thousand wallets per
 * batch.
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
