import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import DistributionModuleService from "../modules/distribution/service"

type LedgerEntryLike = { reference_type: string; reference_id: string }

/** A commission's ledger reference is its id (settled) or "<id>:<reversal>" (clawed back). */
const commissionIdOf = (entry: LedgerEntryLike) => entry.reference_id.split(":")[0]

/**
 * What each ledger entry is about, for people: the order a commission came
 * from (with the number the merchant knows it by) or the withdrawal it moved.
 * Three reads for the page, whatever its size.
 */
export async function withLedgerReferences<T extends LedgerEntryLike>(
  container: MedusaContainer,
  service: DistributionModuleService,
  entries: T[]
) {
  const commissionIds = [...new Set(entries.filter((e) => e.reference_type === "commission").map(commissionIdOf))]
  const withdrawalIds = [...new Set(entries.filter((e) => e.reference_type === "withdrawal").map((e) => e.reference_id))]
  const [commissions, withdrawals]: [
    { id: string; order_id: string }[],
    { id: string; status: string; created_at: Date | string }[],
  ] = await Promise.all([
    commissionIds.length ? service.listCommissions({ id: commissionIds }, { select: ["id", "order_id"] }) : [],
    withdrawalIds.length ? service.listWithdrawals({ id: withdrawalIds }, { select: ["id", "status", "created_at"] }) : [],
  ])
  const orderIds = [...new Set(commissions.map((c) => c.order_id))]
  const orders: { id: string; display_id?: number | string | null }[] = orderIds.length
    ? (
        await container.resolve(ContainerRegistrationKeys.QUERY).graph({
          entity: "order",
          fields: ["id", "display_id"],
          filters: { id: orderIds },
        })
      ).data
    : []
  const orderById = new Map(
    orders.map((o) => [o.id, { id: o.id, display_id: o.display_id == null ? null : Number(o.display_id) }])
  )
  const orderOfCommission = new Map(
    commissions.map((c) => [c.id, orderById.get(c.order_id) ?? { id: c.order_id, display_id: null }])
  )
  const withdrawalById = new Map(
    withdrawals.map((w) => [w.id, { id: w.id, status: w.status, created_at: w.created_at }])
  )
  return entries.map((entry) => ({
    ...entry,
    order: entry.reference_type === "commission" ? orderOfCommission.get(commissionIdOf(entry)) ?? null : null,
    withdrawal: entry.reference_type === "withdrawal" ? withdrawalById.get(entry.reference_id) ?? null : null,
  }))
}
