import { model } from "@medusajs/framework/utils"
import {
  WITHDRAWAL_METHODS,
  WITHDRAWAL_STATUSES,
  WithdrawalStatus,
} from "../constants"

/**
 * A distributor's request to be paid out of its available balance (提现).
 * `amount` is held in the ledger in the same transaction that creates the row;
 * `net_amount` = amount − fee is what the payout sends. The payout account is
 * stored encrypted (AES-256-GCM) in `payout_account`; `account_masked` is the
 * display form every response uses. The finance export is the one place the
 * account is decrypted. `idempotency_key` makes a retried request return the
 * first one instead of holding the money twice.
 */
const Withdrawal = model
  .define({ name: "withdrawal", tableName: "distribution_withdrawal" }, {
    id: model.id({ prefix: "dwdr" }).primaryKey(),
    distributor_id: model.text(),
    currency_code: model.text(),
    amount: model.bigNumber(),
    fee_bps: model.number().default(0),
    fee: model.bigNumber().default(0),
    net_amount: model.bigNumber(),
    method: model.enum(WITHDRAWAL_METHODS),
    payout_account: model.text(),
    account_masked: model.json(),
    note: model.text().nullable(),
    status: model.enum(WITHDRAWAL_STATUSES).default(WithdrawalStatus.REQUESTED),
    idempotency_key: model.text().nullable(),
    reject_reason: model.text().nullable(),
    transaction_reference: model.text().nullable(),
    approved_at: model.dateTime().nullable(),
    approved_by: model.text().nullable(),
    rejected_at: model.dateTime().nullable(),
    rejected_by: model.text().nullable(),
    paid_at: model.dateTime().nullable(),
    paid_by: model.text().nullable(),
  })
  .indexes([
    {
      name: "IDX_distribution_withdrawal_distributor",
      on: ["distributor_id", "created_at"],
    },
    { name: "IDX_distribution_withdrawal_status", on: ["status", "created_at"] },
    // The admin reports: amounts requested and paid in a period, per currency.
    { name: "IDX_distribution_withdrawal_currency_created", on: ["currency_code", "created_at"] },
    { name: "IDX_distribution_withdrawal_paid", on: ["paid_at"], where: "paid_at IS NOT NULL" },
    {
      name: "IDX_distribution_withdrawal_idempotency",
      on: ["distributor_id", "idempotency_key"],
      unique: true,
      where: "idempotency_key IS NOT NULL",
    },
  ])
  .checks([
    (c) => `${c.amount} > 0 AND ${c.fee} >= 0 AND ${c.net_amount} >= 0 AND ${c.fee} + ${c.net_amount} = ${c.amount}`,
  ])

export default Withdrawal
