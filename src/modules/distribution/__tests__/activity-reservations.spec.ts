import { programmeDay } from "./fixtures"
import { distributionModuleTests } from "./module-runner"

jest.setTimeout(120_000)

/**
 * Every order.placed first asks whether the order could consume an activity
 * reservation (or has): only then is the order read. The answer must never be
 * "no" for an order that has one to consume, nor for a replay of one that did.
 */
distributionModuleTests(({ service, MikroOrmWrapper }) => {
  const day = programmeDay({ service, MikroOrmWrapper })
  const now = new Date()
  let n = 0
  const reservation = async (fields: { status: string; order_id?: string | null; cart_id?: string }) => {
    const id = `dares_test_${++n}`
    await day.sql(
      `INSERT INTO distribution_activity_reservation (id, activity_kind, activity_id, variant_id, customer_id, quantity, status, expires_at, cart_id, order_id)
       VALUES (?, 'flash_sale', 'dfs_none', 'variant_1', 'cus_1', 1, ?, now() + interval '15 minutes', ?, ?)`,
      [id, fields.status, fields.cart_id ?? `cart_${n}`, fields.order_id ?? null]
    )
    return id
  }

  it("says no with no reservation open, yes while one is open or released unconsumed, and yes again to the order that consumed one", async () => {
    expect(await service.hasActivityReservationToConsume("order_a")).toBe(false)

    const open = await reservation({ status: "reserved" })
    expect(await service.hasActivityReservationToConsume("order_a")).toBe(true)

    const outcome = await service.consumeActivityReservation({ id: open, order_id: "order_a", now })
    expect(outcome?.changed).toBe(true)
    // Nothing open any more: another order has nothing to consume, the order that consumed
    // it still gets its replay handled (the kind's side of a run that died after the consumption).
    expect(await service.hasActivityReservationToConsume("order_b")).toBe(false)
    expect(await service.hasActivityReservationToConsume("order_a")).toBe(true)

    // Its order canceled: the quota is back, the reservation keeps its order.
    expect(await service.giveBackActivityReservations({ order_id: "order_a", now })).toHaveLength(1)
    expect(await service.hasActivityReservationToConsume("order_b")).toBe(false)

    // Released before any order (expired): a stale cart's late order may still consume it.
    const expired = await reservation({ status: "released" })
    expect(await service.hasActivityReservationToConsume("order_b")).toBe(true)
    await day.sql(`UPDATE distribution_activity_reservation SET deleted_at = now() WHERE id = ?`, [expired])
    expect(await service.hasActivityReservationToConsume("order_b")).toBe(false)

    // The question is answered from an index of the unconsumed rows alone (the migration's).
    const [index] = await day.sql<{ indexdef: string }>(
      `SELECT indexdef FROM pg_indexes WHERE indexname = 'IDX_distribution_activity_reservation_unconsumed'`
    )
    expect(index?.indexdef).toMatch(/WHERE \(\(deleted_at IS NULL\) AND \(order_id IS NULL\)\)/)
  })
})
