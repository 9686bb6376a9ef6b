import { distributionModuleTests } from "./module-runner"
import { BANK, programmeDay } from "./fixtures"

jest.setTimeout(180_000)

distributionModuleTests((suite) => {
  const { service } = suite
  const day = programmeDay(suite)
  const { sql, distributor, adjust, withdraw, wallet } = day
  const ledger = async (id: string) => (await day.ledger(id)).map(({ kind, amount }) => ({ kind, amount }))
  const audits = (entityId: string) =>
    sql<{ action: string; actor_id: string | null; data: Record<string, unknown> }>(
      `SELECT action, actor_id, data FROM distribution_audit_log WHERE entity_id = ? ORDER BY created_at, id`,
      [entityId]
    )
  const everything = async (id: string) => ({
    wallet: await wallet(id),
    ledger: await ledger(id),
    withdrawals: await sql(`SELECT id, status FROM distribution_withdrawal WHERE distributor_id = ? ORDER BY id`, [id]),
    audit: await sql(`SELECT id FROM distribution_audit_log ORDER BY id`),
  })

  /** Every audit insert fails, as a database fault would make it (a trigger raising). */
  async function auditWritesFail() {
    await sql(`CREATE FUNCTION distribution_test_audit_fails() RETURNS trigger AS $$
                 BEGIN RAISE EXCEPTION 'audit storage unavailable'; END $$ LANGUAGE plpgsql`)
    await sql(`CREATE TRIGGER distribution_test_audit_fails BEFORE INSERT ON distribution_audit_log
                 FOR EACH ROW EXECUTE FUNCTION distribution_test_audit_fails()`)
  }
  async function auditWritesWork() {
    await sql(`DROP TRIGGER distribution_test_audit_fails ON distribution_audit_log`)
    await sql(`DROP FUNCTION distribution_test_audit_fails()`)
  }

  describe("manual adjustments", () => {
    it("credits and debits through the ledger, the wallet and the audit, to the cent", async () => {
      const id = await distributor()
      const credit = await adjust(id, "120.05", "key-credit-1")
      const debit = await adjust(id, "-20.06", "key-debit-1", "扣回")
      expect([credit.created, debit.created]).toEqual([true, true])
      expect(await wallet(id)).toEqual({ available: "99.99", held: "0", withdrawn: "0" })
      expect(await ledger(id)).toEqual([
        { kind: "manual_adjustment", amount: "120.05" },
        { kind: "manual_adjustment", amount: "-20.06" },
      ])
      expect((await audits(id)).map((a) => [a.action, a.actor_id, a.data])).toEqual([
        ["ledger.adjust", "user_admin", { amount: "120.05", currency_code: "cny", reason: "活动奖励", entry_id: credit.entry_id }],
        ["ledger.adjust", "user_admin", { amount: "-20.06", currency_code: "cny", reason: "扣回", entry_id: debit.entry_id }],
      ])
    })

    it("writes nothing at all when its audit row cannot be written", async () => {
      const id = await distributor()
      await adjust(id, "50", "key-before")
      const before = await everything(id)
      await auditWritesFail()
      await expect(adjust(id, "30", "key-during")).rejects.toThrow("audit storage unavailable")
      await auditWritesWork()
      expect(await everything(id)).toEqual(before)
      // The retry with the same key, once the audit works again, is the first real adjustment.
      expect(await adjust(id, "30", "key-during")).toMatchObject({ created: true })
      expect(await wallet(id)).toMatchObject({ available: "80" })
    })

    it("scopes a key to its distributor, returns the first entry for a retry and refuses the key for another adjustment", async () => {
      const [a, b] = [await distributor(), await distributor()]
      const first = await adjust(a, "10", "shared-key-1")
      const other = await adjust(b, "10", "shared-key-1")
      expect(other.created).toBe(true)
      expect(other.entry_id).not.toBe(first.entry_id)

      expect(await adjust(a, "10.00", "shared-key-1")).toEqual({ created: false, entry_id: first.entry_id })
      await expect(adjust(a, "11", "shared-key-1")).rejects.toMatchObject({
        type: "conflict",
        message: expect.stringContaining("The idempotency key shared-key-1 was already used for another adjustment (its amount differs)"),
      })
      await expect(adjust(a, "10", "shared-key-1", "another reason")).rejects.toMatchObject({
        message: expect.stringContaining("(its reason differs)"),
      })
      expect(await wallet(a)).toMatchObject({ available: "10" })
      expect(await wallet(b)).toMatchObject({ available: "10" })
      expect(await audits(a)).toHaveLength(1)
    })

    it("writes one entry for ten concurrent retries with one key, and every retry answers with it", async () => {
      const id = await distributor()
      const results = await Promise.all(Array.from({ length: 10 }, () => adjust(id, "7.77", "concurrent-key")))
      expect(results.filter((r) => r.created)).toHaveLength(1)
      expect(new Set(results.map((r) => r.entry_id)).size).toBe(1)
      expect(await ledger(id)).toEqual([{ kind: "manual_adjustment", amount: "7.77" }])
      expect(await wallet(id)).toMatchObject({ available: "7.77" })
      expect(await audits(id)).toHaveLength(1)
    })
  })

  describe("withdrawals", () => {
    it("holds the amount, then releases it on rejection or moves it to withdrawn on payment, each audited", async () => {
      const id = await distributor()
      await adjust(id, "1000", "fund-1")
      const paid = await withdraw(id, "300.10")
      const rejected = await withdraw(id, "200")
      expect(await wallet(id)).toEqual({ available: "499.9", held: "500.1", withdrawn: "0" })

      await service.transitionWithdrawal({ id: paid.withdrawal_id, action: "approve", actor_id: "user_admin" })
      await service.transitionWithdrawal({ id: paid.withdrawal_id, action: "pay", actor_id: "user_admin", transaction_reference: "TX-1" })
      await service.transitionWithdrawal({ id: rejected.withdrawal_id, action: "reject", actor_id: "user_admin", reason: "账户有误" })
      expect(await wallet(id)).toEqual({ available: "699.9", held: "0", withdrawn: "300.1" })
      expect((await ledger(id)).map((e) => [e.kind, e.amount])).toEqual([
        ["manual_adjustment", "1000"],
        ["withdrawal_held", "-300.1"],
        ["withdrawal_held", "-200"],
        ["withdrawal_paid", "300.1"],
        ["withdrawal_released", "200"],
      ])
      expect((await audits(paid.withdrawal_id)).map((a) => [a.action, a.data.from ?? null, a.data.to ?? null])).toEqual([
        ["withdrawal.request", null, null],
        ["withdrawal.approve", "requested", "approved"],
        ["withdrawal.pay", "approved", "paid"],
      ])
      expect((await audits(rejected.withdrawal_id)).map((a) => a.action)).toEqual(["withdrawal.request", "withdrawal.reject"])
    })

    it("never overdraws: of twelve concurrent requests of 100 against 350, exactly three are held", async () => {
      const id = await distributor()
      await adjust(id, "350", "fund-2")
      const results = await Promise.allSettled(Array.from({ length: 12 }, () => withdraw(id, "100")))
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3)
      const refusals = results.filter((r): r is PromiseRejectedResult => r.status === "rejected")
      expect(refusals.every((r) => r.reason.type === "not_allowed")).toBe(true)
      expect(await wallet(id)).toEqual({ available: "50", held: "300", withdrawn: "0" })
      expect((await ledger(id)).filter((e) => e.kind === "withdrawal_held")).toHaveLength(3)
    })

    it("writes nothing when the request's or a decision's audit row cannot be written", async () => {
      const id = await distributor()
      await adjust(id, "500", "fund-3")
      const held = await withdraw(id, "100")
      const before = await everything(id)
      await auditWritesFail()
      await expect(withdraw(id, "150")).rejects.toThrow("audit storage unavailable")
      await expect(
        service.transitionWithdrawal({ id: held.withdrawal_id, action: "reject", actor_id: "user_admin", reason: "x" })
      ).rejects.toThrow("audit storage unavailable")
      await auditWritesWork()
      expect(await everything(id)).toEqual(before)
    })

    it("scopes a key to its distributor, answers a retry with the first request and refuses the key for another one", async () => {
      const [a, b] = [await distributor(), await distributor()]
      await adjust(a, "500", "fund-4a")
      await adjust(b, "500", "fund-4b")
      const first = await withdraw(a, "120", { key: "withdraw-key-1" })
      const theirs = await withdraw(b, "120", { key: "withdraw-key-1" })
      expect(theirs).toMatchObject({ created: true })
      expect(theirs.withdrawal_id).not.toBe(first.withdrawal_id)

      // The same request again, its account encrypted afresh: the first one, nothing held twice.
      expect(await withdraw(a, "120.00", { key: "withdraw-key-1" })).toEqual({ withdrawal_id: first.withdrawal_id, created: false })
      await expect(withdraw(a, "130", { key: "withdraw-key-1" })).rejects.toMatchObject({
        type: "conflict",
        message: expect.stringContaining("was already used for another withdrawal request (its amount differs)"),
      })
      await expect(
        withdraw(a, "120", { key: "withdraw-key-1", account: { ...BANK, account_number: "6225880100000000" }, note: "urgent" })
      ).rejects.toMatchObject({ message: expect.stringContaining("(its account, note differ)") })
      expect(await wallet(a)).toEqual({ available: "380", held: "120", withdrawn: "0" })
      expect(await wallet(b)).toEqual({ available: "380", held: "120", withdrawn: "0" })
    })

    it("holds once for concurrent retries with one key", async () => {
      const id = await distributor()
      await adjust(id, "500", "fund-5")
      const results = await Promise.all(Array.from({ length: 8 }, () => withdraw(id, "100", { key: "withdraw-key-2" })))
      expect(results.filter((r) => r.created)).toHaveLength(1)
      expect(new Set(results.map((r) => r.withdrawal_id)).size).toBe(1)
      expect(await wallet(id)).toEqual({ available: "400", held: "100", withdrawn: "0" })
      expect(await audits(results[0].withdrawal_id)).toHaveLength(1)
    })
  })

  describe("settlement", () => {
    it("holds a suspended distributor's due commissions until it is reinstated", async () => {
      const [active, suspended] = [await distributor(), await distributor("suspended")]
      const due = new Date(Date.now() - 1000)
      await service.insertCommissions([
        day.commission(active, "order_1", "line_1", "9.99"),
        day.commission(suspended, "order_2", "line_2", "9.99"),
      ])
      await sql(`UPDATE distribution_commission SET eligible_at = ?`, [due])

      expect(await service.settleDueCommissions({ now: new Date(), limit: 10 })).toMatchObject({ settled: 1, distributor_ids: [active] })
      const statusOf = async (id: string) =>
        (await sql<{ status: string }>(`SELECT status FROM distribution_commission WHERE distributor_id = ?`, [id]))[0].status
      expect(await statusOf(suspended)).toBe("pending")
      expect(await wallet(suspended)).toBeNull()

      await service.transitionDistributor({ id: suspended, action: "reinstate" })
      expect(await service.settleDueCommissions({ now: new Date(), limit: 10 })).toMatchObject({ settled: 1, distributor_ids: [suspended] })
      expect(await statusOf(suspended)).toBe("settled")
      expect(await ledger(suspended)).toEqual([{ kind: "commission_settled", amount: "9.99" }])
      expect(await wallet(suspended)).toEqual({ available: "9.99", held: "0", withdrawn: "0" })
    })
  })
})
