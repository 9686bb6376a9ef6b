import crypto from "crypto"
import { isDeepStrictEqual } from "util"
import { BigNumberInput, Context } from "@medusajs/framework/types"
import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
  MathBN,
} from "@medusajs/framework/utils"
import {
  ActivityKind,
  AuditActorType,
  CommissionStatus,
  DistributorStatus,
  GroupMemberStatus,
  GroupOverflow,
  GroupRefundStatus,
  GroupStatus,
  LedgerKind,
  WithdrawalAction,
  WithdrawalStatus,
} from "./constants"
import {
  Commission,
  CommissionRule,
  DistributionAuditLog,
  DistributionJobRun,
  DistributionLevel,
  DistributionSettings,
  DistributionVisit,
  Distributor,
  DistributorCoupon,
  DistributorCouponUse,
  DistributionSale,
  DistributionSaleVariant,
  DistributionShareScene,
  DistributionGroupBuy,
  DistributionGroup,
  DistributionGroupMember,
  DistributionFlashSale,
  DistributionFlashSaleVariant,
  DistributionActivityReservation,
  LedgerEntry,
  ReferralBinding,
  Wallet,
  Withdrawal,
} from "./models"
import {
  AdjustBalanceInput,
  ApplicationData,
  Balance,
  BindCustomerInput,
  CommissionRow,
  WalletMismatch,
  DistributionModuleOptions,
  DistributionSettingsDTO,
  DistributionLevelDTO,
  DistributionSettingsInput,
  DistributorDTO,
  DistributorWithPosition,
  NewCommission,
  NewDistributorInput,
  ReferralBindingDTO,
  RequestWithdrawalInput,
  TransitionWithdrawalInput,
  WithdrawalSnapshot,
  DistributionSaleDTO,
  SaleReservation,
  SaleSnapshot,
  DistributionGroupBuyDTO,
  TreePosition,
} from "./types"
import { bindingRefusal, decideBinding } from "./utils/binding"
import {
  decryptString,
  encryptString,
  MISSING_KEY_MESSAGE,
  parseEncryptionKey,
  saltedHash,
} from "./utils/crypto"
import { CommissionRuleLike } from "./utils/rate-resolution"
import {
  DistributorAction,
  canReapply,
  nextDistributorStatus,
} from "./utils/distributor-status"
import * as audit from "./queries/audit"
import * as binding from "./queries/binding"
import * as commissions from "./queries/commissions"
import * as distributorSearch from "./queries/distributor-search"
import * as coupons from "./queries/coupons"
import * as groupBuys from "./queries/group-buys"
import * as ledger from "./queries/ledger"
import * as jobRuns from "./queries/job-runs"
import * as levels from "./queries/levels"
import * as personalData from "./queries/personal-data"
import * as reports from "./queries/reports"
import * as sales from "./queries/sales"
import * as activities from "./queries/activities"
import * as reservations from "./queries/activity-reservations"
import * as settingsQueries from "./queries/settings"
import * as shares from "./queries/share"
import * as tree from "./queries/tree"
import * as wallets from "./queries/wallets"
import * as withdrawals from "./queries/withdrawals"
import {
  REFERRAL_CODE_LENGTH,
  generateReferralCode,
  normalizeReferralCode,
} from "./utils/referral-code"
import { childPath, moveRefusal, uplineIds } from "./utils/tree-path"
import { DEFAULT_SETTINGS, SETTING_KEYS, validateSettings } from "./utils/settings"
import { StatsBucket, statsSeries, summaryFigures, teamByDepth } from "./queries/centre"
import { LevelStats, LevelThresholds, nextLevelProgress } from "./utils/centre"
import { formatAmount } from "./utils/money"
import { overlapRefusal } from "./utils/sale"
import { activityOverlapRefusal } from "./utils/activity-overlap"
import { flashSaleWindow } from "./utils/flash-sale"
import { ShareTargetInput } from "./utils/share"
import { expiryOutcome, groupDeadline, GroupSeatRequest, leaderBonus } from "./utils/group-buy"
import { ReversalFacts, reversalChanges } from "./utils/reversal"
import { refusalError } from "./utils/refusal"
import { CouponMove, nextCouponStatus } from "./utils/coupon"
import {
  HELD_AMOUNT_MOVES,
  heldAmountMoveInto,
  nextWithdrawalStatus,
  withdrawalConflictMessage,
  withdrawalFee,
  withdrawalRefusal,
} from "./utils/withdrawal"
import { newId } from "./utils/ids"

const CODE_ATTEMPTS = 12

/**
 * The programme's one service. It orchestrates: the SQL lives in queries/
 * (one file per concern), the rules in utils/ (pure functions); a method here
 * takes the locks in order, asks the rules, writes through the queries and
 * keeps each change in one transaction with its ledger and audit rows.
 */
export default class DistributionModuleService extends MedusaService({
  Distributor,
  DistributionLevel,
  DistributionSettings,
  ReferralBinding,
  DistributionVisit,
  DistributionAuditLog,
  DistributionJobRun,
  Commission,
  CommissionRule,
  LedgerEntry,
  Wallet,
  Withdrawal,
  DistributorCoupon,
  DistributorCouponUse,
  DistributionSale,
  DistributionSaleVariant,
  DistributionShareScene,
  DistributionGroupBuy, DistributionGroup, DistributionGroupMember,
  DistributionFlashSale,
  DistributionFlashSaleVariant,
  DistributionActivityReservation,
}) {
  protected readonly options_: DistributionModuleOptions

  constructor(_container: Record<string, unknown>, options?: DistributionModuleOptions) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = options ?? {}
  }

  getOptions(): DistributionModuleOptions {
    return this.options_
  }

  // ---------------------------------------------------------------- reports
  // Read-only figures of the admin reports; the SQL and its definitions live in queries/reports.ts.

  @InjectManager()
  async resolveReportWindow(
    input: { from: reports.ReportBound; to: reports.ReportBound; tz: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ start: string; end: string }> {
    return await reports.resolveReportWindow(sharedContext.manager as EntityManager, input)
  }

  @InjectManager()
  async reportSummary(
    window: reports.ReportWindow,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<reports.SummaryReport> {
    return await reports.summaryReport(sharedContext.manager as EntityManager, window)
  }

  @InjectManager()
  async reportCurrencies(@MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    return await reports.reportCurrencies(sharedContext.manager as EntityManager)
  }

  @InjectManager()
  async reportTimeseries(
    window: reports.ReportWindow,
    interval: reports.ReportInterval,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<reports.TimeseriesRow[]> {
    return await reports.timeseriesReport(sharedContext.manager as EntityManager, window, interval)
  }

  @InjectManager()
  async reportLeaderboard(
    window: reports.ReportWindow,
    query: { by: reports.LeaderboardBy; limit: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<reports.LeaderboardRow[]> {
    return await reports.leaderboardReport(sharedContext.manager as EntityManager, window, query.by, query.limit)
  }

  @InjectManager()
  async reportProducts(
    window: reports.ReportWindow,
    page: reports.Page & { order: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ rows: reports.ProductRow[]; count: number }> {
    return await reports.productsReport(sharedContext.manager as EntityManager, window, page)
  }

  @InjectManager()
  async reportConversion(
    window: reports.ReportWindow,
    page: reports.Page & { order: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ rows: reports.ConversionRow[]; count: number }> {
    return await reports.conversionReport(sharedContext.manager as EntityManager, window, page)
  }

  /**
   * The context's transaction when there is one, else its manager (Medusa's
   * getActiveManager): a read made for a transactional method sees its writes.
   */
  private activeManager_(sharedContext: Context): EntityManager {
    return (sharedContext.transactionManager ?? sharedContext.manager) as EntityManager
  }

  // ---------------------------------------------------------------- settings

  /** The settings row, created from the plugin options' defaults on first read. */
  @InjectManager()
  async getSettings(
    @MedusaContext() sharedContext: Context = {}
  ): Promise<DistributionSettingsDTO> {
    const existing = await settingsQueries.readSettings(this.activeManager_(sharedContext))
    if (existing) {
      return existing
    }
    await this.insertDefaultSettings_(sharedContext)
    return (await settingsQueries.readSettings(this.activeManager_(sharedContext)))!
  }

  @InjectTransactionManager()
  protected async insertDefaultSettings_(
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    const s: DistributionSettingsInput = {
      ...DEFAULT_SETTINGS,
      ...(this.options_.defaults ?? {}),
    }
    validateSettings(s)
    await settingsQueries.insertSettingsIfMissing(sharedContext.transactionManager as EntityManager, s)
  }

  @InjectManager()
  async updateSettings(
    data: Partial<DistributionSettingsInput>,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<DistributionSettingsDTO> {
    const current = await this.getSettings(sharedContext)
    const merged = { ...toSettingsInput(current), ...data }
    validateSettings(merged)
    await this.updateDistributionSettings(
      { id: current.id, ...(data as Record<string, unknown>) },
      sharedContext
    )
    return await this.getSettings(sharedContext)
  }

  // ------------------------------------------------------- personal data

  private encryptionKey_(): Buffer {
    const raw =
      this.options_.encryption_key ?? process.env.DISTRIBUTION_ENCRYPTION_KEY
    if (!raw) {
      throw new MedusaError(
        MedusaError.Types.UNEXPECTED_STATE,
        MISSING_KEY_MESSAGE
      )
    }
    return parseEncryptionKey(raw)
  }

  encryptPersonalData(data: unknown): string {
    return encryptString(JSON.stringify(data), this.encryptionKey_())
  }

  /** The keys used before the current one (option, else env), newest first. */
  private previousEncryptionKeys_(): Buffer[] {
    const raw =
      this.options_.previous_encryption_keys ??
      (process.env.DISTRIBUTION_PREVIOUS_ENCRYPTION_KEYS ?? "").split(",").map((k) => k.trim()).filter(Boolean)
    return raw.map(parseEncryptionKey)
  }

  /** A stored value in plain text, and whether it is under the current key (null when no key reads it). */
  private openPersonalData_(stored: string): { plain: string; current: boolean } | null {
    const keys = [this.encryptionKey_(), ...this.previousEncryptionKeys_()]
    for (const [i, key] of keys.entries()) {
      try {
        return { plain: decryptString(stored, key), current: i === 0 }
      } catch {
        // not this key: try the next one
      }
    }
    return null
  }

  decryptPersonalData<T>(stored: string | null | undefined): T | null {
    if (!stored) {
      return null
    }
    const opened = this.openPersonalData_(stored)
    if (!opened) {
      throw new MedusaError(
        MedusaError.Types.UNEXPECTED_STATE,
        "Personal data could not be decrypted with the current key or any previous one (DISTRIBUTION_PREVIOUS_ENCRYPTION_KEYS)"
      )
    }
    return JSON.parse(opened.plain) as T
  }

  /**
   * Moves every encrypted value (applications, payout accounts) to the current
   * key, a page at a time: a value under a previous key is decrypted and
   * encrypted again; one under the current key is left alone, so the rotation
   * can be run again, or resumed after a crash, at no cost. A value no key reads
   * is counted and left as it is.
   */
  @InjectManager()
  async reencryptPersonalData(
    input: { page_size?: number } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ table: string; column: string; reencrypted: number; current: number; unreadable: number }[]> {
    const manager = sharedContext.manager as EntityManager
    const key = this.encryptionKey_()
    const pageSize = input.page_size ?? 500
    const report: { table: string; column: string; reencrypted: number; current: number; unreadable: number }[] = []
    for (const target of personalData.ENCRYPTED_COLUMNS) {
      const counts = { table: target.table, column: target.column, reencrypted: 0, current: 0, unreadable: 0 }
      for (let after: string | null = null; ; ) {
        const page = await personalData.encryptedPage(manager, target, after, pageSize)
        for (const row of page) {
          const opened = this.openPersonalData_(row.value)
          if (!opened) {
            counts.unreadable++
          } else if (opened.current) {
            counts.current++
          } else if (await personalData.replaceEncrypted(manager, target, row.id, row.value, encryptString(opened.plain, key))) {
            counts.reencrypted++
          }
        }
        if (page.length < pageSize) break
        after = page[page.length - 1].id
      }
      report.push(counts)
    }
    return report
  }

  readApplication(distributor: Pick<DistributorDTO, "application">): ApplicationData | null {
    return this.decryptPersonalData<ApplicationData>(distributor.application)
  }

  /** A salted hash of whatever identifies a visitor; the raw value is never stored. */
  visitorKey(raw: string): string {
    const salt =
      this.options_.visitor_salt ??
      process.env.DISTRIBUTION_VISITOR_SALT ??
      this.options_.encryption_key ??
      process.env.DISTRIBUTION_ENCRYPTION_KEY ??
      "medusa-plugin-distribution"
    return saltedHash(raw, salt)
  }


  // ------------------------------------------------------------------- tree

  /**
   * Inserts a distributor under its parent (path and depth derived from the
   * parent, counters of the whole upline kept), and issues its code when it
   * starts active. One transaction; a second application of the same customer
   * is a CONFLICT.
   */
  @InjectTransactionManager()
  async createDistributor(
    input: NewDistributorInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<DistributorWithPosition> {
    const manager = sharedContext.transactionManager as EntityManager
    await tree.lockTreeShared(manager)
    const parent = input.parent_id ? await tree.lockParent(manager, input.parent_id) : undefined
    if (input.parent_id && !parent) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Parent distributor ${input.parent_id} was not found`
      )
    }
    const id = newId("dist")
    const path = childPath(parent?.path ?? null, id)
    const depth = parent ? parent.depth + 1 : 0
    const levelId =
      input.level_id === undefined
        ? await this.defaultLevelId_(sharedContext)
        : input.level_id
    const inserted = await tree.insertDistributor(manager, {
      id,
      customer_id: input.customer_id,
      email: input.email,
      display_name: input.display_name,
      parent_id: parent?.id ?? null,
      path,
      depth,
      status: input.status,
      application: input.application ? this.encryptPersonalData(input.application) : null,
      level_id: levelId,
    })
    if (!inserted) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        "This customer has already applied to the distribution programme"
      )
    }
    if (parent) {
      await tree.addToUpline(manager, { upline: uplineIds(path, id), parent_id: parent.id, team: 1, direct: 1 })
    }
    if (input.status === DistributorStatus.ACTIVE) {
      await this.issueReferralCode_(manager, id)
    }
    return { ...(await this.retrieveDistributor(id, {}, sharedContext)), path, depth }
  }

  /** Compensation of createDistributor: removes a leaf and gives its upline its counts back. */
  @InjectTransactionManager()
  async removeLeafDistributor(
    id: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    const manager = sharedContext.transactionManager as EntityManager
    await tree.lockTreeShared(manager)
    const row = await tree.deleteLeaf(manager, id)
    if (row?.parent_id) {
      await tree.addToUpline(manager, { upline: uplineIds(row.path, id), parent_id: row.parent_id, team: -1, direct: -1 })
    }
  }

  /** A rejected applicant applies again: back to pending (or active), with new data. */
  @InjectTransactionManager()
  async reapplyDistributor(
    id: string,
    input: { status: "pending" | "active"; application: ApplicationData | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ previous: DistributorDTO; distributor: DistributorDTO }> {
    const manager = sharedContext.transactionManager as EntityManager
    await tree.lockDistributorStatus(manager, id)
    const previous = await this.retrieveDistributor(id, {}, sharedContext)
    if (!canReapply(previous.status)) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `You have already applied to the distribution programme (status: ${previous.status})`
      )
    }
    await tree.reapply(manager, {
      id,
      status: input.status,
      application: input.application ? this.encryptPersonalData(input.application) : null,
    })
    if (input.status === DistributorStatus.ACTIVE) {
      await this.issueReferralCode_(manager, id)
    }
    const distributor = await this.retrieveDistributor(id, {}, sharedContext)
    return { previous, distributor }
  }

  /** Restores fields a compensation needs to put back exactly. */
  @InjectTransactionManager()
  async restoreDistributorState(
    previous: Pick<
      DistributorDTO,
      | "id"
      | "status"
      | "application"
      | "reject_reason"
      | "suspend_reason"
      | "reviewed_by"
      | "reviewed_at"
    >,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    await tree.restoreDistributorState(sharedContext.transactionManager as EntityManager, {
      id: previous.id,
      status: previous.status,
      application: previous.application ?? null,
      reject_reason: previous.reject_reason ?? null,
      suspend_reason: previous.suspend_reason ?? null,
      reviewed_by: previous.reviewed_by ?? null,
      reviewed_at: previous.reviewed_at ?? null,
    })
  }

  /**
   * An admin's decision on a distributor, by the one state machine. The row is
   * locked first, so two admins deciding at once get one winner and one CONFLICT.
   */
  @InjectTransactionManager()
  async transitionDistributor(
    input: {
      id: string
      action: DistributorAction
      actor_id?: string | null
      reason?: string | null
    },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ previous: DistributorDTO; distributor: DistributorDTO }> {
    const manager = sharedContext.transactionManager as EntityManager
    const row = await tree.lockDistributorStatus(manager, input.id)
    if (!row) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Distributor ${input.id} was not found`
      )
    }
    const previous = await this.retrieveDistributor(input.id, {}, sharedContext)
    const to = nextDistributorStatus(row.status, input.action)
    if (!to) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Cannot ${input.action} a distributor whose status is ${row.status}`
      )
    }
    await tree.applyDistributorDecision(manager, {
      id: input.id,
      action: input.action,
      to,
      actor_id: input.actor_id ?? null,
      reason: input.reason ?? null,
    })
    if (to === DistributorStatus.ACTIVE && !previous.referral_code) {
      await this.issueReferralCode_(manager, input.id)
    }
    const distributor = await this.retrieveDistributor(input.id, {}, sharedContext)
    return { previous, distributor }
  }

  /**
   * An admin sets a distributor's level, up or down. The distributor's row is
   * locked, so a settlement batch upgrading it at the same moment either runs
   * first (and this sets the level over it) or finds the level changed and
   * leaves it alone; the level row is share-locked so it cannot be deleted
   * under the change.
   */
  @InjectTransactionManager()
  async setDistributorLevel(
    input: { id: string; level_id: string; allow_unchanged?: boolean },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ previous_level_id: string | null; level: { id: string; name: string; rank: number } }> {
    const manager = sharedContext.transactionManager as EntityManager
    const row = await levels.lockDistributorLevel(manager, input.id)
    if (!row) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Distributor ${input.id} was not found`)
    }
    const level = await levels.shareLevel(manager, input.level_id)
    if (!level) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Level ${input.level_id} was not found`)
    }
    if (row.level_id === level.id) {
      if (input.allow_unchanged) {
        return { previous_level_id: row.level_id, level }
      }
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `The distributor is already on level ${level.name}`)
    }
    await levels.setDistributorLevel(manager, input.id, level.id)
    return { previous_level_id: row.level_id, level }
  }

  /** Compensation of setDistributorLevel: the level the distributor had before. */
  @InjectTransactionManager()
  async restoreDistributorLevel(
    input: { id: string; level_id: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    await levels.setDistributorLevel(sharedContext.transactionManager as EntityManager, input.id, input.level_id)
  }

  /**
   * Moves a distributor and its whole subtree under a new parent (or to the top).
   * The subtree's paths and depths are rewritten in one UPDATE over the path
   * index; counters of the old and new uplines are adjusted in the same
   * transaction. A move into one's own subtree would be a cycle and is refused.
   */
  @InjectTransactionManager()
  async moveDistributor(
    input: { id: string; parent_id: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ previous_parent_id: string | null; moved: number }> {
    const manager = sharedContext.transactionManager as EntityManager
    await tree.lockTreeExclusive(manager)
    const node = await this.lockTreeRow_(manager, input.id)
    const parent =
      input.parent_id && input.parent_id !== node.parent_id ? await this.lockTreeRow_(manager, input.parent_id) : null
    const refusal = moveRefusal(node, input.parent_id, parent)
    if (refusal) {
      throw refusalError(refusal)
    }
    const newPath = childPath(parent?.path ?? null, node.id)
    const subtree = node.team_size + 1
    const oldUpline = uplineIds(node.path, node.id)
    const moved = await tree.moveSubtree(manager, {
      node,
      parent_id: parent?.id ?? null,
      path: newPath,
      depth: parent ? parent.depth + 1 : 0,
    })
    if (oldUpline.length) {
      await tree.addToUpline(manager, { upline: oldUpline, parent_id: node.parent_id, team: -subtree, direct: -1 })
    }
    if (parent) {
      await tree.addToUpline(manager, { upline: uplineIds(newPath, node.id), parent_id: parent.id, team: subtree, direct: 1 })
    }
    return { previous_parent_id: node.parent_id, moved }
  }

  /**
   * The upline, nearest first, in one primary-key read of the ids in the path;
   * each with its place in the tree (an ancestor's path is a prefix of the path).
   */
  @InjectManager()
  async getUpline(
    id: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<DistributorWithPosition[]> {
    const node = await this.treePosition_(id, sharedContext)
    const ids = uplineIds(node.path, id)
    if (!ids.length) {
      return []
    }
    const rows = await this.listDistributors({ id: ids }, { relations: ["level"] }, sharedContext)
    const byId = new Map(rows.map((r) => [r.id, r]))
    // Each ancestor's place, from the founder down: the path's prefix ending at it.
    let path: string | null = null
    const placed = [...ids].reverse().map((i, depth) => ({ id: i, depth, path: (path = childPath(path, i)) }))
    return placed
      .reverse()
      .flatMap(({ id: i, depth, path }) => (byId.has(i) ? [{ ...byId.get(i)!, depth, path }] : []))
  }

  /**
   * The given distributors with their place in the tree (`path`, `depth`), read
   * in one statement from the tree's table; a row without one (deleted
   * meanwhile) is left out.
   */
  @InjectManager()
  async withTreePositions<T extends { id: string }>(
    rows: T[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<(T & TreePosition)[]> {
    const found = await tree.positions(this.activeManager_(sharedContext), rows.map((r) => r.id))
    return rows.flatMap((r) => {
      const position = found.get(r.id)
      return position ? [{ ...r, ...position }] : []
    })
  }

  /** A distributor with its level and its place in the tree, as the routes that show it read it. */
  @InjectManager()
  async retrieveDistributorWithPosition(
    id: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<DistributorWithPosition> {
    const distributor = await this.retrieveDistributor(id, { relations: ["level"] }, sharedContext)
    return { ...distributor, ...(await this.treePosition_(id, sharedContext)) }
  }

  /** A live distributor's place in the tree, or NOT_FOUND. */
  private async treePosition_(id: string, sharedContext: Context): Promise<TreePosition> {
    const position = (await tree.positions(this.activeManager_(sharedContext), [id])).get(id)
    if (!position) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Distributor with id: ${id} was not found`)
    }
    return position
  }

  /**
   * Who an order can be attributed to, in one read: the buyer's own
   * distributor, the distributor of the buyer's binding valid at `at`, and the
   * owner of the cart's referral code. The engine's hot path: one statement
   * instead of three entity reads.
   */
  @InjectManager()
  async getAttributionCandidates(
    input: { customer_id: string | null; referral_code: string | null; at: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{
    buyer: { id: string; status: DistributorStatus } | null
    binding_distributor_id: string | null
    code_owner: { id: string; status: DistributorStatus } | null
  }> {
    const row = await tree.attributionCandidates(sharedContext.manager as EntityManager, {
      customer_id: input.customer_id,
      code: input.referral_code ? normalizeReferralCode(input.referral_code) : null,
      at: input.at,
    })
    return {
      buyer: row.buyer_id ? { id: row.buyer_id, status: row.buyer_status! } : null,
      binding_distributor_id: row.binding_distributor_id,
      code_owner: row.code_owner_id ? { id: row.code_owner_id, status: row.code_owner_status! } : null,
    }
  }

  /**
   * The commission rules aimed at any of the given targets (variants,
   * products, categories, collections), as rate resolution reads them: one
   * statement, exact decimals as text, no entities built.
   */
  @InjectManager()
  async listRulesForTargets(
    targetIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<CommissionRuleLike[]> {
    if (!targetIds.length) {
      return []
    }
    return await commissions.rulesForTargets(sharedContext.manager as EntityManager, targetIds)
  }

  /**
   * A distributor and its upline, nearest first, at most `depth` of them, each
   * with its level's rates: the chain an order pays, read from the path in
   * one statement (never the whole upline of a deep tree). A soft-deleted
   * ancestor is left out and the next one takes its place, as in getUpline.
   */
  @InjectManager()
  async getCommissionChain(
    id: string,
    depth: number,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<
    {
      id: string
      status: DistributorStatus
      level: { id: string; rate_bps_1: number; rate_bps_2: number; rate_bps_3: number } | null
    }[]
  > {
    const rows = await tree.commissionChain(sharedContext.manager as EntityManager, id, depth)
    return rows.map((r) => ({
      id: r.id,
      status: r.status,
      level: r.level_id
        ? { id: r.level_id, rate_bps_1: r.rate_bps_1, rate_bps_2: r.rate_bps_2, rate_bps_3: r.rate_bps_3 }
        : null,
    }))
  }

  /**
   * One page of a distributor's team at a relative depth (1 = direct recruits),
   * over the (depth, path) index: never a walk of the tree.
   */
  @InjectManager()
  async listTeam(
    id: string,
    query: { depth: number; limit: number; offset: number; status?: string[] },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ rows: DistributorWithPosition[]; count: number }> {
    const node = await this.treePosition_(id, sharedContext)
    return await this.teamPageUnder_(node, node.depth + query.depth, query, sharedContext)
  }

  /**
   * One page of the direct recruits of `nodeId`, a member of `rootId`'s team
   * (or `rootId` itself) whose recruits are at most `maxDepth` levels below
   * the root: the team opened one member at a time. Null when the node is not
   * there (unknown, deleted, outside the root's subtree, or too deep), so that a
   * route answers it as it answers an unknown id. `depth` is the recruits'
   * depth relative to the root.
   */
  @InjectManager()
  async listTeamChildren(
    rootId: string,
    nodeId: string,
    query: { maxDepth: number; limit: number; offset: number; status?: string[] },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ rows: DistributorWithPosition[]; count: number; depth: number } | null> {
    const root = await this.treePosition_(rootId, sharedContext)
    const node = (await tree.positions(this.activeManager_(sharedContext), [nodeId])).get(nodeId)
    const depth = node ? node.depth - root.depth + 1 : 0
    if (!node || !node.path.startsWith(root.path) || depth < 1 || depth > query.maxDepth) {
      return null
    }
    return { ...(await this.teamPageUnder_(node, node.depth + 1, query, sharedContext)), depth }
  }

  /** One page of the rows under `node.path` at the absolute `depth`, in the team's order. */
  private async teamPageUnder_(
    node: { path: string },
    depth: number,
    query: { limit: number; offset: number; status?: string[] },
    sharedContext: Context
  ): Promise<{ rows: DistributorWithPosition[]; count: number }> {
    const { ids, count } = await tree.teamPage(sharedContext.manager as EntityManager, {
      path: node.path,
      depth,
      status: query.status,
      limit: query.limit,
      offset: query.offset,
    })
    if (!ids.length) {
      return { rows: [], count }
    }
    const rows = await this.withTreePositions(
      await this.listDistributors({ id: ids }, { relations: ["level"] }, sharedContext),
      sharedContext
    )
    const byId = new Map(rows.map((r) => [r.id, r]))
    return { rows: ids.map((i) => byId.get(i)!).filter(Boolean), count }
  }

  /**
   * One page of the admin's distributor search, with a count exact up to
   * `count_cap` (see queries/distributor-search.ts): the ids, in order. In a
   * transaction of its own, for the planner setting the search makes there.
   */
  @InjectTransactionManager()
  async searchDistributors(
    search: distributorSearch.DistributorSearch,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<distributorSearch.DistributorSearchPage> {
    return await distributorSearch.searchDistributors(sharedContext.transactionManager as EntityManager, search)
  }

  /** One page of the list without a term, filtered or sorted by the depth (queries/distributor-search.ts). */
  @InjectManager()
  async listDistributorIdsByDepth(
    search: Parameters<typeof distributorSearch.listByDepth>[1],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ ids: string[]; count: number }> {
    return await distributorSearch.listByDepth(sharedContext.manager as EntityManager, search)
  }

  /** The ids of at most `limit` distributors a search term names (queries/distributor-search.ts). */
  @InjectTransactionManager()
  async listDistributorIdsMatching(
    input: { q: string; limit: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    return await distributorSearch.distributorsMatching(sharedContext.transactionManager as EntityManager, input.q, input.limit)
  }

  @InjectManager()
  async retrieveDistributorByCode(
    code: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<DistributorDTO | null> {
    const normalized = normalizeReferralCode(code)
    if (!normalized) {
      return null
    }
    const [row] = await this.listDistributors(
      { referral_code: normalized },
      {},
      sharedContext
    )
    return row ?? null
  }

  @InjectManager()
  async retrieveDistributorByCustomer(
    customerId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<DistributorDTO | null> {
    const [row] = await this.listDistributors(
      { customer_id: customerId },
      { relations: ["level"] },
      sharedContext
    )
    return row ?? null
  }


  // ---------------------------------------------------------------- binding

  /**
   * Binds a buyer to a distributor per the binding mode. The customer's binding
   * row is locked (or inserted with ON CONFLICT) so concurrent touches resolve
   * to one answer. Never to oneself, never to one's own downline. `force`
   * (admin) replaces a valid binding whatever the mode.
   */
  @InjectTransactionManager()
  async bindCustomer(
    input: BindCustomerInput & { binding_mode: DistributionSettingsDTO["binding_mode"]; binding_days: number; force?: boolean },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ binding: ReferralBindingDTO; changed: boolean; reason?: string }> {
    const manager = sharedContext.transactionManager as EntityManager
    const now = input.now ?? new Date()
    const [target] = await this.withTreePositions(
      await this.listDistributors({ id: input.distributor_id }, { select: ["id", "status"] }, sharedContext),
      sharedContext
    )
    const [own] = target
      ? await this.withTreePositions(
          await this.listDistributors({ customer_id: input.customer_id }, { select: ["id"] }, sharedContext),
          sharedContext
        )
      : []
    const refusal = bindingRefusal(target, own)
    if (refusal) {
      throw refusalError(refusal)
    }
    const values = {
      distributor_id: target.id,
      source: input.source,
      bound_at: now,
      bound_by: input.bound_by ?? null,
    }
    for (let attempt = 0; attempt < 2; attempt++) {
      const existing = await binding.lockBinding(manager, input.customer_id)
      const decision = decideBinding({
        existing: existing
          ? {
              distributor_id: existing.distributor_id,
              expires_at: existing.expires_at ? new Date(existing.expires_at) : null,
            }
          : null,
        distributor_id: target.id,
        mode: input.binding_mode,
        binding_days: input.binding_days,
        now,
        force: input.force,
      })
      if (decision.action === "keep") {
        return {
          binding: await this.retrieveReferralBinding(existing!.id, {}, sharedContext),
          changed: false,
          reason: decision.reason,
        }
      }
      if (decision.action === "replace") {
        await binding.replaceBinding(manager, existing!.id, { ...values, expires_at: decision.expires_at })
        return {
          binding: await this.retrieveReferralBinding(existing!.id, {}, sharedContext),
          changed: true,
        }
      }
      const insertedId = await binding.insertBinding(manager, {
        ...values,
        customer_id: input.customer_id,
        expires_at: decision.expires_at,
      })
      if (insertedId) {
        return {
          binding: await this.retrieveReferralBinding(insertedId, {}, sharedContext),
          changed: true,
        }
      }
      // Another request bound this customer between our read and our insert:
      // decide again against the row it wrote.
    }
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      "The customer's binding changed during the request; try again"
    )
  }

  /** The customer's binding if it is still valid at `now`. */
  @InjectManager()
  async getValidBinding(
    customerId: string,
    now: Date = new Date(),
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ReferralBindingDTO | null> {
    const [binding] = await this.listReferralBindings(
      { customer_id: customerId },
      {},
      sharedContext
    )
    if (!binding) {
      return null
    }
    const expires = binding.expires_at ? new Date(binding.expires_at) : null
    return !expires || expires.getTime() > now.getTime() ? binding : null
  }


  /** Records one visit per distributor, visitor and day; returns false for a repeat. */
  @InjectTransactionManager()
  async recordVisit(
    input: {
      distributor_id: string
      visitor_key: string
      source: string
      landing_path: string | null
      now?: Date
    },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    return await binding.insertVisit(sharedContext.transactionManager as EntityManager, {
      ...input,
      now: input.now ?? new Date(),
    })
  }

  // ------------------------------------------------------------ commissions

  /**
   * Writes an order's commissions. ON CONFLICT on (order, line, distributor,
   * depth) makes a replayed or concurrent credit a no-op: only the rows this
   * call inserted are returned.
   */
  @InjectTransactionManager()
  async insertCommissions(
    rows: NewCommission[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; amount: string }[]> {
    if (!rows.length) {
      return []
    }
    return await commissions.insertCommissions(sharedContext.transactionManager as EntityManager, rows)
  }

  /** Compensation of insertCommissions: removes exactly the rows it wrote, while still pending. */
  @InjectTransactionManager()
  async removePendingCommissions(
    ids: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    if (!ids.length) {
      return
    }
    await commissions.deletePendingCommissions(sharedContext.transactionManager as EntityManager, ids)
  }

  /**
   * Starts the freeze period of an order's pending commissions. The earliest
   * time wins: a later event changes nothing, and an event handled late (a
   * retried delivery, a backfill that knows when the order really got there)
   * still dates the freeze period from the moment the order reached the state.
   */
  @InjectTransactionManager()
  async markCommissionsEligible(
    input: { order_id: string; eligible_at: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<number> {
    return await commissions.markEligible(sharedContext.transactionManager as EntityManager, input)
  }

  /**
   * Starts a run of a scheduled job unless one is running on any instance (a run
   * started more than `stale_after_ms` ago and never finished is closed as
   * abandoned first): the run's id, or null when this instance should skip.
   */
  @InjectTransactionManager()
  async startJobRun(
    input: { job: string; stale_after_ms: number; now?: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string | null> {
    const manager = sharedContext.transactionManager as EntityManager
    const now = input.now ?? new Date()
    await jobRuns.abandonStaleRun(manager, input.job, new Date(now.getTime() - input.stale_after_ms))
    return await jobRuns.claimRun(manager, input.job, now)
  }

  /** The instance running the job is alive: its run is not closed as abandoned while it beats. False when the run was closed meanwhile. */
  @InjectTransactionManager()
  async touchJobRun(id: string, at?: Date, @MedusaContext() sharedContext: Context = {}): Promise<boolean> {
    return await jobRuns.touchRun(sharedContext.transactionManager as EntityManager, id, at ?? new Date())
  }

  @InjectTransactionManager()
  async finishJobRun(
    id: string,
    outcome: { result?: Record<string, unknown> | null; error?: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    await jobRuns.finishRun(sharedContext.transactionManager as EntityManager, id, outcome)
  }

  /** The window a claimed run sweeps, kept on its row (the admin sees it; a successful run's end is the next one's watermark). */
  @InjectTransactionManager()
  async recordJobRunWindow(id: string, window: jobRuns.JobRunWindow, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await jobRuns.recordWindow(sharedContext.transactionManager as EntityManager, id, window)
  }

  /** Where the job's last successful run's window ended, or null when none did. */
  @InjectManager()
  async lastJobWatermark(job: string, @MedusaContext() sharedContext: Context = {}): Promise<Date | null> {
    return await jobRuns.lastWatermark(sharedContext.manager as EntityManager, job)
  }

  /** A job's latest runs, newest first. */
  @InjectManager()
  async listJobRuns(job: string, limit = 10, @MedusaContext() sharedContext: Context = {}) {
    return await jobRuns.latestRuns(sharedContext.manager as EntityManager, job, limit)
  }

  /** Releases queued commissions held for an earner that is no longer suspended (see queries/commissions.releaseHeld). */
  @InjectTransactionManager()
  async releaseHeldCommissions(@MedusaContext() sharedContext: Context = {}): Promise<number> {
    return await commissions.releaseHeld(sharedContext.transactionManager as EntityManager)
  }

  /** The settlement backlog at `now`: due commissions not settled yet, and since when the oldest is due. */
  @InjectManager()
  async getSettlementBacklog(now: Date, @MedusaContext() sharedContext: Context = {}) {
    return await commissions.settlementBacklog(sharedContext.manager as EntityManager, now)
  }

  /**
   * The `limit` first due commissions (oldest first), listed by earner: the
   * settlement job settles them slice by slice (see dueInEarnerOrder).
   */
  @InjectManager()
  async listDueInEarnerOrder(input: { now: Date; limit: number }, @MedusaContext() sharedContext: Context = {}) {
    return await commissions.dueInEarnerOrder(sharedContext.manager as EntityManager, input)
  }

  /**
   * Settles one batch of due commissions (those of `ids` still due, else the
   * `limit` first in due order): status, ledger credit and cached balance in
   * one transaction. Rows are claimed with SKIP LOCKED, so several
   * workers can settle side by side; the ledger's unique reference makes a
   * replay write nothing. A suspended distributor's commissions are held: they
   * stay pending while it is suspended, and the first run after reinstatement
   * settles those that are due.
   */
  @InjectTransactionManager()
  async settleDueCommissions(
    input: { now: Date; limit: number; ids?: string[] },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ settled: number; distributor_ids: string[] }> {
    const manager = sharedContext.transactionManager as EntityManager
    const credited = await commissions.settleDue(manager, input)
    await wallets.applyToWallets(manager, credited.map((c) => ({ ...c, field: "available" as const })))
    return {
      settled: credited.length,
      distributor_ids: [...new Set(credited.map((c) => c.distributor_id))],
    }
  }

  /**
   * Brings an order's commissions to what its cumulative facts say they should
   * have reversed (see reversalChanges), computed here once on the rows as
   * they stand under their row lock: a replay finds nothing left to do. A
   * target may also be lower than what is reversed (a return now explains a
   * refund that had been spread over the kept lines): the commission gets that
   * back. Pending commissions just change value; a settled one moves through
   * the ledger (clawed back, or given back), and the balance may become a
   * debt. A fully reversed commission stays so. `reference` names the cause
   * (cancel, a return, a refund) in the ledger.
   */
  @InjectTransactionManager()
  async reverseOrderCommissions(
    input: {
      order_id: string
      reference: string
      facts: ReversalFacts
    },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ reversed: number; clawed_back: number }> {
    const manager = sharedContext.transactionManager as EntityManager
    const rows = await commissions.lockOrderCommissions(manager, input.order_id)
    const byId = new Map(rows.map((r) => [r.id, r]))
    const changes = reversalChanges(input.facts, rows)
    await commissions.setReversedAmounts(manager, changes)
    const clawbacks: wallets.WalletChange[] = []
    for (const change of changes) {
      const row = byId.get(change.id)!
      if (row.status !== CommissionStatus.SETTLED) {
        continue
      }
      const entry = {
        distributor_id: row.distributor_id,
        currency_code: row.currency_code,
        kind: LedgerKind.COMMISSION_CLAWED_BACK,
        amount: MathBN.mult(change.delta, -1).toFixed(),
        reference_type: "commission",
        reason: input.reference,
      }
      // The row lock makes the move happen once; the reference only has to
      // be unique. It names the move, and counts on in the rare case the
      // same cause moved the row the same way before.
      const base = `${row.id}:${input.reference}:${MathBN.convert(row.reversed_amount).toFixed()}>${change.reversed_amount}`
      let n = 1
      while (!(await ledger.appendLedgerEntry(manager, { ...entry, reference_id: n === 1 ? base : `${base}#${n}` }))) {
        n++
      }
      clawbacks.push({ distributor_id: row.distributor_id, currency_code: row.currency_code, amount: entry.amount, field: "available" })
    }
    await wallets.applyToWallets(manager, clawbacks)
    return { reversed: changes.length, clawed_back: clawbacks.length }
  }

  /** Balances of a distributor: the wallet's cache plus pending commissions, per currency. */
  @InjectManager()
  async getBalances(
    distributorId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Balance[]> {
    const rows = await wallets.balanceSums(sharedContext.manager as EntityManager, distributorId)
    return rows.map((r) => {
      const amount = (v: BigNumberInput) => formatAmount(v, r.currency_code)
      return {
        currency_code: r.currency_code,
        pending: amount(r.pending),
        available: amount(r.available),
        held: amount(r.held),
        withdrawn: amount(r.withdrawn),
        debt: amount(MathBN.lt(r.available, 0) ? MathBN.abs(r.available) : 0),
      }
    })
  }

  /**
   * A manual adjustment by an admin: a signed ledger entry with its reason and
   * the admin's id, the cached balance and the audit row, all in one
   * transaction (money never moves without its audit row). The idempotency key
   * is scoped to the distributor: the same key with the same adjustment returns
   * the first entry and writes nothing; with another one it is a CONFLICT.
   */
  @InjectTransactionManager()
  async adjustBalance(
    input: AdjustBalanceInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ created: boolean; entry_id: string }> {
    const manager = sharedContext.transactionManager as EntityManager
    const [distributor] = await this.listDistributors({ id: input.distributor_id }, { select: ["id"] }, sharedContext)
    if (!distributor) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Distributor ${input.distributor_id} was not found`)
    }
    const reference = `${input.distributor_id}:${input.idempotency_key}`
    const entryId = await ledger.appendLedgerEntry(manager, {
      distributor_id: input.distributor_id,
      currency_code: input.currency_code,
      kind: LedgerKind.MANUAL_ADJUSTMENT,
      amount: input.amount,
      reference_type: "adjustment",
      reference_id: reference,
      reason: input.reason,
      actor_id: input.actor_id,
    })
    if (!entryId) {
      const first = (await ledger.findLedgerEntry(manager, LedgerKind.MANUAL_ADJUSTMENT, reference))!
      const differs = [
        !MathBN.eq(first.amount, input.amount) && "amount",
        first.currency_code !== input.currency_code && "currency_code",
        first.reason !== input.reason && "reason",
      ].filter((f): f is string => !!f)
      if (differs.length) {
        throw reusedKeyConflict(input.idempotency_key, "adjustment", differs)
      }
      return { created: false, entry_id: first.id }
    }
    await wallets.applyToWallets(manager, [{ ...input, field: "available" }])
    await audit.appendAudit(manager, {
      actor_type: AuditActorType.ADMIN,
      actor_id: input.actor_id,
      action: "ledger.adjust",
      entity_type: "distributor",
      entity_id: input.distributor_id,
      data: { amount: input.amount, currency_code: input.currency_code, reason: input.reason, entry_id: entryId },
    })
    return { created: true, entry_id: entryId }
  }

  /**
   * Re-derives every wallet from the ledger (available: every entry but
   * payouts; held: what withdrawals hold; withdrawn: what was paid out) and
   * reports the wallets whose cache differs; with `repair`, rewrites them.
   */
  @InjectTransactionManager()
  async reconcileWallets(
    input: { repair: boolean },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<WalletMismatch[]> {
    const manager = sharedContext.transactionManager as EntityManager
    const mismatches = await wallets.walletMismatches(manager)
    if (input.repair) {
      for (const m of mismatches) {
        const fix = (f: wallets.WalletField) => ({
          distributor_id: m.distributor_id,
          currency_code: m.currency_code,
          amount: MathBN.sub(m[`ledger_${f}`], m[`cached_${f}`]).toFixed(),
          field: f,
        })
        await wallets.applyToWallets(manager, [fix("available"), fix("held"), fix("withdrawn")])
      }
    }
    return mismatches
  }

  /** Of these orders, those with commissions: are some not wholly reversed, is a pending one without a due date. */
  @InjectManager()
  async orderCommissionStates(
    orderIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Map<string, commissions.OrderCommissionState>> {
    if (!orderIds.length) {
      return new Map()
    }
    return await commissions.orderCommissionStates(sharedContext.manager as EntityManager, orderIds)
  }

  /** Which of these orders have no commission row at all (candidates for a missed order.placed). */
  @InjectManager()
  async ordersWithoutCommissions(
    orderIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    if (!orderIds.length) {
      return []
    }
    const have = await commissions.ordersWithCommissions(sharedContext.manager as EntityManager, orderIds)
    return orderIds.filter((id) => !have.has(id))
  }

  /**
   * Moves distributors up to the highest level whose thresholds they all meet
   * (personal sales: depth-1 sales kept; team sales: all attributed sales kept;
   * direct recruits; depth-1 orders), counting settled commissions in the
   * programme's currency only. Never down; a level without any threshold is
   * never reached automatically.
   */
  @InjectTransactionManager()
  async upgradeLevels(
    distributorIds: string[],
    currencyCode: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; from_level_id: string | null; to_level_id: string }[]> {
    if (!distributorIds.length) {
      return []
    }
    const manager = sharedContext.transactionManager as EntityManager
    const climbers = await levels.levelClimbers(manager, distributorIds, currencyCode)
    if (!climbers.length) {
      return []
    }
    const targets = await levels.levelUpgradeTargets(manager, climbers, currencyCode)
    if (!targets.length) {
      return []
    }
    return await levels.applyLevelUpgrades(manager, targets)
  }

  /** One page of the orders a distributor earns from, newest first, with its commission lines. */
  @InjectManager()
  async listDistributorOrders(
    distributorId: string,
    page: { limit: number; offset: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ orders: { order_id: string; lines: CommissionRow[] }[]; count: number }> {
    return await commissions.distributorOrdersPage(sharedContext.manager as EntityManager, distributorId, page)
  }

  // ------------------------------------------------------------ withdrawals

  /**
   * A distributor asks to be paid out. Under a row lock on its wallet: the
   * distributor must be active, the method offered, the amount within the
   * currency's precision, at least the minimum and at most the available
   * balance (never while the balance is a debt); then the request, its ledger
   * hold, the cached balances and the audit row are written in this one
   * transaction. Requests of the same distributor and currency therefore queue
   * on the lock, and no sequence of them can overdraw. An idempotency key is
   * the distributor's own: repeated with the same request it returns the first
   * one and holds nothing more; with another request it is a CONFLICT.
   */
  @InjectTransactionManager()
  async requestWithdrawal(
    input: RequestWithdrawalInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ withdrawal_id: string; created: boolean }> {
    const manager = sharedContext.transactionManager as EntityManager
    const settings = await this.getSettings(sharedContext)
    const requested = input.currency_code ?? settings.currency_code
    if (!requested) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "currency_code is required: the programme follows the store's currency")
    }
    const currency = requested.toLowerCase()
    const [distributor] = await this.listDistributors(
      { id: input.distributor_id },
      { select: ["id", "status"] },
      sharedContext
    )
    if (!distributor) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Distributor ${input.distributor_id} was not found`)
    }
    if (input.idempotency_key) {
      const first = await this.withdrawalOfKey_(manager, input, currency)
      if (first) {
        return { withdrawal_id: first, created: false }
      }
    }
    const available = (await wallets.lockWalletAvailable(manager, input.distributor_id, currency)) ?? "0"
    const refusal = withdrawalRefusal({
      distributor_status: distributor.status,
      method: input.method,
      methods: (settings.withdrawal_methods ?? []) as unknown as string[],
      amount: input.amount,
      currency_code: currency,
      min_withdrawal: settings.min_withdrawal,
      available,
    })
    if (refusal) {
      throw refusalError(refusal)
    }
    const { fee, net } = withdrawalFee(input.amount, settings.withdrawal_fee_bps, currency)
    const withdrawalId = await withdrawals.insertWithdrawal(manager, {
      distributor_id: input.distributor_id,
      currency_code: currency,
      amount: input.amount,
      fee_bps: settings.withdrawal_fee_bps,
      fee,
      net_amount: net,
      method: input.method,
      payout_account: input.payout_account,
      account_masked: input.account_masked,
      note: input.note ?? null,
      idempotency_key: input.idempotency_key ?? null,
    })
    const held = MathBN.mult(input.amount, -1).toFixed()
    await ledger.appendLedgerEntry(manager, {
      distributor_id: input.distributor_id,
      currency_code: currency,
      kind: LedgerKind.WITHDRAWAL_HELD,
      amount: held,
      reference_type: "withdrawal",
      reference_id: withdrawalId,
    })
    await wallets.applyToWallets(manager, [
      { distributor_id: input.distributor_id, currency_code: currency, amount: held, field: "available" },
      { distributor_id: input.distributor_id, currency_code: currency, amount: input.amount, field: "held" },
    ])
    await audit.appendAudit(manager, {
      actor_type: AuditActorType.CUSTOMER,
      actor_id: input.customer_id,
      action: "withdrawal.request",
      entity_type: "withdrawal",
      entity_id: withdrawalId,
      data: { amount: input.amount, currency_code: input.currency_code ?? null, method: input.method },
    })
    return { withdrawal_id: withdrawalId, created: true }
  }

  /**
   * The request a distributor already made with this idempotency key, if any,
   * under an advisory lock on the key (held to the end of the transaction), so
   * concurrent retries see the first one. A key reused for another request (a
   * different amount, currency, method, account or note) is a CONFLICT.
   */
  private async withdrawalOfKey_(
    manager: EntityManager,
    input: RequestWithdrawalInput,
    currency: string
  ): Promise<string | null> {
    const first = await withdrawals.lockWithdrawalKey(manager, input.distributor_id, input.idempotency_key!)
    if (!first) {
      return null
    }
    const differs = [
      !MathBN.eq(first.amount, input.amount) && "amount",
      first.currency_code !== currency && "currency_code",
      first.method !== input.method && "method",
      !isDeepStrictEqual(
        this.decryptPersonalData(first.payout_account),
        this.decryptPersonalData(input.payout_account)
      ) && "account",
      (first.note ?? null) !== (input.note ?? null) && "note",
    ].filter((f): f is string => !!f)
    if (differs.length) {
      throw reusedKeyConflict(input.idempotency_key!, "withdrawal request", differs)
    }
    return first.id
  }

  /**
   * Compensation of requestWithdrawal: the request, its hold and the balance
   * move go, exactly as if the request had never been made.
   */
  @InjectTransactionManager()
  async cancelWithdrawalRequest(
    id: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    const manager = sharedContext.transactionManager as EntityManager
    const w = await withdrawals.lockWithdrawal(manager, id)
    if (!w || w.status !== WithdrawalStatus.REQUESTED) {
      return
    }
    await audit.deleteAuditOf(manager, { entity_type: "withdrawal", entity_id: id, action: "withdrawal.request" })
    if (await ledger.removeLedgerEntry(manager, LedgerKind.WITHDRAWAL_HELD, id)) {
      await wallets.applyToWallets(manager, [
        { distributor_id: w.distributor_id, currency_code: w.currency_code, amount: w.amount, field: "available" },
        { distributor_id: w.distributor_id, currency_code: w.currency_code, amount: MathBN.mult(w.amount, -1).toFixed(), field: "held" },
      ])
    }
    await withdrawals.deleteWithdrawal(manager, id)
  }

  /**
   * An admin's decision on a withdrawal, under a row lock: of two concurrent
   * decisions exactly one wins, and an illegal one is a CONFLICT that changes
   * nothing. Rejecting releases the hold to the available balance; paying
   * moves it to the withdrawn total — each through one ledger entry, written
   * in the decision's transaction with its audit row.
   */
  @InjectTransactionManager()
  async transitionWithdrawal(
    input: TransitionWithdrawalInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ previous: WithdrawalSnapshot; status: WithdrawalStatus; audit_id: string }> {
    const manager = sharedContext.transactionManager as EntityManager
    const w = await withdrawals.lockWithdrawal(manager, input.id)
    if (!w) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Withdrawal ${input.id} was not found`)
    }
    const next = nextWithdrawalStatus(w.status, input.action)
    if (!next) {
      throw new MedusaError(MedusaError.Types.CONFLICT, withdrawalConflictMessage(w.status, input.action))
    }
    const actor = input.actor_id ?? null
    await withdrawals.recordWithdrawalDecision(manager, {
      id: w.id,
      action: input.action,
      to: next,
      at: new Date(),
      actor_id: actor,
      reason: input.reason ?? null,
      transaction_reference: input.transaction_reference ?? null,
    })
    const move = HELD_AMOUNT_MOVES[input.action]
    if (move) {
      await ledger.appendLedgerEntry(manager, {
        distributor_id: w.distributor_id,
        currency_code: w.currency_code,
        kind: move.kind,
        amount: w.amount,
        reference_type: "withdrawal",
        reference_id: w.id,
        reason: input.action === WithdrawalAction.REJECT ? input.reason ?? null : input.transaction_reference ?? null,
        actor_id: actor,
      })
      await wallets.applyToWallets(manager, [
        { distributor_id: w.distributor_id, currency_code: w.currency_code, amount: MathBN.mult(w.amount, -1).toFixed(), field: "held" },
        { distributor_id: w.distributor_id, currency_code: w.currency_code, amount: w.amount, field: move.to },
      ])
    }
    const auditId = await audit.appendAudit(manager, {
      actor_type: AuditActorType.ADMIN,
      actor_id: actor,
      action: `withdrawal.${input.action}`,
      entity_type: "withdrawal",
      entity_id: w.id,
      data: {
        from: w.status,
        to: next,
        amount: w.amount,
        currency_code: w.currency_code,
        reason: input.reason ?? null,
        transaction_reference: input.transaction_reference ?? null,
      },
    })
    return { previous: w, status: next, audit_id: auditId }
  }

  /** Compensation of transitionWithdrawal: the previous state, its ledger entry, balances and audit row back. */
  @InjectTransactionManager()
  async restoreWithdrawal(
    input: { previous: WithdrawalSnapshot; audit_id: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    const manager = sharedContext.transactionManager as EntityManager
    const { previous } = input
    await audit.deleteAudit(manager, input.audit_id)
    const w = await withdrawals.lockWithdrawal(manager, previous.id)
    if (!w || w.status === previous.status) {
      return
    }
    const move = heldAmountMoveInto(w.status)
    if (move && (await ledger.removeLedgerEntry(manager, move.kind, previous.id))) {
      await wallets.applyToWallets(manager, [
        { distributor_id: previous.distributor_id, currency_code: previous.currency_code, amount: previous.amount, field: "held" },
        { distributor_id: previous.distributor_id, currency_code: previous.currency_code, amount: MathBN.mult(previous.amount, -1).toFixed(), field: move.to },
      ])
    }
    await withdrawals.restoreWithdrawalFields(manager, previous)
  }

  // ----------------------------------------------------------------- levels

  /** Makes `id` the one default level (the unique partial index keeps it one). */
  @InjectTransactionManager()
  async setDefaultLevel(
    id: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    await levels.setDefaultLevel(sharedContext.transactionManager as EntityManager, id)
  }

  /** Deletes a level; its distributors go to the default level. The default cannot be deleted. */
  @InjectTransactionManager()
  async deleteLevel(
    id: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ reassigned: number; default_level_id: string | null }> {
    const manager = sharedContext.transactionManager as EntityManager
    const level = await levels.lockLevel(manager, id)
    if (!level) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Level ${id} was not found`)
    }
    if (level.is_default) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "The default level cannot be deleted: make another level the default first"
      )
    }
    const defaultLevelId = await this.defaultLevelId_(sharedContext)
    const reassigned = await levels.reassignLevel(manager, id, defaultLevelId)
    await levels.deleteLevel(manager, id)
    return { reassigned, default_level_id: defaultLevelId }
  }

  // ------------------------------------------------------ distributor centre

  /**
   * The distributor centre's home figures: balances, today / this month /
   * all-time sales and commissions (in `tz`), the team by depth, and the way to
   * the next level measured as the upgrade measures it.
   */
  @InjectManager()
  async getCentreSummary(
    distributor: DistributorDTO,
    input: { tz: string; now: Date; currency_code: string },
    @MedusaContext() sharedContext: Context = {}
  ) {
    const manager = sharedContext.manager as EntityManager
    const { currency_code, ...window } = input
    const [balances, figures, byDepth, stats, programmeLevels] = await Promise.all([
      this.getBalances(distributor.id, sharedContext),
      summaryFigures(manager, { distributor_id: distributor.id, ...window }),
      teamByDepth(manager, distributor.id),
      this.getLevelStats(distributor.id, currency_code, sharedContext),
      this.listDistributionLevels({}, { order: { rank: "ASC" } }, sharedContext),
    ])
    const level = distributor.level as DistributionLevelDTO | null
    return {
      tz: window.tz,
      balances,
      ...figures,
      team: { by_depth: byDepth, total: distributor.team_size, direct_recruits: distributor.direct_count },
      level: {
        current: level ? { id: level.id, name: level.name, rank: level.rank } : null,
        next: stats ? nextLevelProgress(stats, programmeLevels as unknown as LevelThresholds[], currency_code) : null,
      },
    }
  }

  /** What the level thresholds measure for one distributor, as the upgrade measures it. */
  @InjectManager()
  async getLevelStats(
    distributorId: string,
    currencyCode: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LevelStats | null> {
    const [row] = await levels.levelStats(sharedContext.manager as EntityManager, [distributorId], currencyCode)
    return row
      ? {
          rank: Number(row.rank),
          personal_sales: String(row.personal_sales),
          team_sales: String(row.team_sales),
          direct_count: Number(row.direct_count),
          orders: Number(row.orders),
        }
      : null
  }

  @InjectManager()
  async getCentreStats(
    input: Parameters<typeof statsSeries>[1],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<StatsBucket[]> {
    return await statsSeries(sharedContext.manager as EntityManager, input)
  }


  // ---------------------------------------------------------------- sales

  /**
   * Writes a sale's window and variants under the sales lock, after checking
   * that no other sale holds one of its variants during that window: of two
   * concurrent sales over one variant the second sees the first and is
   * refused (a CONFLICT naming both), so an order line resolves to one sale.
   * Creates the sale when `id` is absent, else reschedules it; answers what
   * it was before (the workflow's compensation puts it back).
   */
  @InjectTransactionManager()
  async reserveSale(input: SaleReservation, @MedusaContext() sharedContext: Context = {}): Promise<{ sale: DistributionSaleDTO; previous: SaleSnapshot | null }> {
    const manager = sharedContext.transactionManager as EntityManager
    await sales.lockSales(manager)
    const refusal = overlapRefusal(
      await sales.overlappingSales(manager, {
        variant_ids: input.variants.map((v) => v.variant_id),
        starts_at: input.starts_at,
        ends_at: input.ends_at,
        except_sale_id: input.id,
      })
    )
    if (refusal) {
      throw refusalError(refusal)
    }
    const { variants, ...fields } = input
    let previous: SaleSnapshot | null = null
    let sale: DistributionSaleDTO
    if (fields.id) {
      const [current] = await this.listDistributionSales({ id: fields.id }, {}, sharedContext)
      if (!current) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `Sale ${fields.id} was not found`)
      }
      const before = await sales.saleVariants(manager, [current.id])
      previous = { ...current, variants: before.map(({ variant_id, product_id }) => ({ variant_id, product_id })) }
      // A live sale moved to start later starts again then: that start is announced again.
      const restarts = !!current.started_event_at && new Date(fields.starts_at).getTime() > Date.now()
      sale = await this.updateDistributionSales({ ...fields, ...(restarts ? { started_event_at: null } : {}), id: fields.id }, sharedContext)
    } else {
      sale = await this.createDistributionSales(fields, sharedContext)
    }
    await sales.replaceSaleVariants(manager, sale.id, variants)
    return { sale, previous }
  }

  /** Puts a sale back as it was (a workflow's compensation), or removes it when it was new. */
  @InjectTransactionManager()
  async restoreSale(input: { id: string; previous: SaleSnapshot | null }, @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.transactionManager as EntityManager
    await sales.lockSales(manager)
    if (!input.previous) {
      await sales.replaceSaleVariants(manager, input.id, [])
      await manager.execute(`DELETE FROM distribution_sale WHERE id = ?`, [input.id])
      return
    }
    const { variants, created_at: _c, updated_at: _u, deleted_at: _d, ...fields } = input.previous as SaleSnapshot & {
      created_at?: unknown
      updated_at?: unknown
      deleted_at?: unknown
    }
    await this.updateDistributionSales(fields, sharedContext)
    await sales.replaceSaleVariants(manager, input.id, variants)
  }

  /** Sets the Medusa price list a sale owns, once the list is made. */
  @InjectTransactionManager()
  async attachSalePriceList(input: { id: string; price_list_id: string }, @MedusaContext() sharedContext: Context = {}) {
    return await this.updateDistributionSales(input, sharedContext)
  }

  /**
   * Ends a sale now, under the sales lock: its window closes at `now` (an
   * upcoming sale's opens there too, so it never ran). An ended sale cannot
   * be ended again. Its end is announced here (the announcement job will not
   * announce it again), and its start too when it ran and the job had not
   * announced it yet (`started`). Answers the sale and what it was.
   */
  @InjectTransactionManager()
  async endSaleNow(input: { id: string; now: Date }, @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.transactionManager as EntityManager
    await sales.lockSales(manager)
    const [current] = await this.listDistributionSales({ id: input.id }, {}, sharedContext)
    if (!current) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Sale ${input.id} was not found`)
    }
    if (new Date(current.ends_at).getTime() <= input.now.getTime()) {
      throw new MedusaError(MedusaError.Types.CONFLICT, `The sale "${current.name}" already ended at ${new Date(current.ends_at).toISOString()}`)
    }
    const starts_at = new Date(current.starts_at).getTime() > input.now.getTime() ? input.now : new Date(current.starts_at)
    const sale = await this.updateDistributionSales({ id: current.id, starts_at, ends_at: input.now }, sharedContext)
    // The window's change above is written when the transaction commits: the claims name the sale.
    const ran = new Date(current.starts_at).getTime() < input.now.getTime()
    const started = ran && (await sales.claimSaleTransition(manager, { sale_id: current.id, column: "started_event_at", now: input.now }))
    await sales.claimSaleTransition(manager, { sale_id: current.id, column: "ended_event_at", now: input.now })
    const previous = {
      id: current.id,
      starts_at: new Date(current.starts_at),
      ends_at: new Date(current.ends_at),
      started_event_at: current.started_event_at ? new Date(current.started_event_at) : null,
      ended_event_at: current.ended_event_at ? new Date(current.ended_event_at) : null,
    }
    return { sale, previous, started }
  }

  /** Sets a sale's window and announcements back (the compensation of ending it). */
  @InjectTransactionManager()
  async restoreSaleWindow(
    input: { id: string; starts_at: Date; ends_at: Date; started_event_at: Date | null; ended_event_at: Date | null },
    @MedusaContext() sharedContext: Context = {}
  ) {
    await sales.lockSales(sharedContext.transactionManager as EntityManager)
    await this.updateDistributionSales(input, sharedContext)
  }

  /**
   * Claims the announcements due at `now`, up to `limit` of each kind: the
   * starts (claimed first, so a sale that started and ended since the last
   * run is announced in that order) and the ends. Each transition is claimed
   * once, whatever the number of instances claiming at once.
   */
  @InjectTransactionManager()
  async claimSaleTransitions(input: { now: Date; limit: number }, @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.transactionManager as EntityManager
    const started = await sales.claimSaleStarts(manager, input)
    const ended = await sales.claimSaleEnds(manager, input)
    return { started, ended }
  }

  /** Gives claimed announcements back, so that the next run claims them again (a failed run's compensation). */
  @InjectTransactionManager()
  async releaseSaleTransitions(input: { started: string[]; ended: string[]; claimed_at: Date }, @MedusaContext() sharedContext: Context = {}) {
    await sales.releaseSaleTransitions(sharedContext.transactionManager as EntityManager, input)
  }

  /** The variants of each sale. */
  @InjectManager()
  async listSaleVariants(saleIds: string[], @MedusaContext() sharedContext: Context = {}) {
    return await sales.saleVariants(sharedContext.manager as EntityManager, saleIds)
  }

  /** The sale each variant was in at `at`, with its commission policy (one per variant by construction). */
  @InjectManager()
  async getSalesOfVariantsAt(variantIds: string[], at: Date, @MedusaContext() sharedContext: Context = {}) {
    return await sales.salesOfVariantsAt(sharedContext.manager as EntityManager, variantIds, at)
  }

  /** The sales of the variants that had ended by `at`, with their windows. */
  @InjectManager()
  async getEndedSalesOfVariants(variantIds: string[], at: Date, @MedusaContext() sharedContext: Context = {}) {
    return await sales.endedSalesOfVariants(sharedContext.manager as EntityManager, variantIds, at)
  }

  // ----------------------------------------------------------------- shares

  /** The share tokens of a distributor's targets, made on first use and reused after (safe to call concurrently). */
  @InjectManager()
  async ensureShareScenes(distributorId: string, targets: ShareTargetInput[], @MedusaContext() sharedContext: Context = {}) {
    return await shares.ensureScenes(sharedContext.manager as EntityManager, distributorId, targets)
  }

  /** The share a token stands for, or null. */
  @InjectManager()
  async retrieveShareScene(scene: string, @MedusaContext() sharedContext: Context = {}) {
    return await shares.sceneByToken(sharedContext.manager as EntityManager, scene)
  }

  // ---------------------------------------------------------------- coupons

  /** The distributor coupon among an order's promotions, with its owner's status and code; null when none is one. */
  @InjectManager()
  async getCouponOfPromotions(promotionIds: string[], @MedusaContext() sharedContext: Context = {}) {
    return await coupons.couponOfPromotions(sharedContext.manager as EntityManager, promotionIds)
  }

  /**
   * Moves a coupon (disable, enable, suspend, reactivate) under a lock on its
   * row, so of two concurrent moves one sees the other's result. An illegal
   * move is refused; a move that does not concern the coupon changes nothing.
   */
  @InjectTransactionManager()
  async transitionCoupon(
    input: { id: string; move: CouponMove },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ changed: boolean; previous: string; status: string; promotion_id: string; distributor_id: string }> {
    const manager = sharedContext.transactionManager as EntityManager
    const row = await coupons.lockCoupon(manager, input.id)
    if (!row) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Coupon ${input.id} was not found`)
    }
    const next = nextCouponStatus(row.status, input.move, row.owner_status)
    if (next && "refusal" in next) {
      throw refusalError(next.refusal)
    }
    const base = { previous: row.status, promotion_id: row.promotion_id, distributor_id: row.distributor_id }
    if (!next || next.to === row.status) {
      return { changed: false, status: row.status, ...base }
    }
    await coupons.setCouponStatus(manager, row.id, next.to)
    return { changed: true, status: next.to, ...base }
  }

  /** Sets a coupon's status back (a workflow's compensation). */
  @InjectTransactionManager()
  async restoreCouponStatus(id: string, status: string, @MedusaContext() sharedContext: Context = {}) {
    await coupons.setCouponStatus(sharedContext.transactionManager as EntityManager, id, status as never)
  }

  /** Records an order's use of a coupon, once per order. */
  @InjectTransactionManager()
  async recordCouponUse(
    use: Parameters<typeof coupons.insertCouponUse>[1],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    return await coupons.insertCouponUse(sharedContext.transactionManager as EntityManager, use)
  }

  /** Uses, sales and the owner's commission of each coupon, per currency. */
  @InjectManager()
  async getCouponFigures(couponIds: string[], @MedusaContext() sharedContext: Context = {}) {
    return await coupons.couponFigures(sharedContext.manager as EntityManager, couponIds)
  }

  /** A coupon's orders, newest first. */
  @InjectManager()
  async listCouponOrders(couponId: string, limit = 50, @MedusaContext() sharedContext: Context = {}) {
    return await coupons.couponOrders(sharedContext.manager as EntityManager, couponId, limit)
  }

  /** The coupons report for a window and currency. */
  @InjectManager()
  async getCouponReport(input: Parameters<typeof coupons.couponReport>[1], @MedusaContext() sharedContext: Context = {}) {
    return await coupons.couponReport(sharedContext.manager as EntityManager, input)
  }

  /** The active distributors of a level still without a coupon. */
  @InjectManager()
  async listDistributorsWithoutCoupon(levelId: string, limit: number, @MedusaContext() sharedContext: Context = {}) {
    return await coupons.distributorsWithoutCoupon(sharedContext.manager as EntityManager, levelId, limit)
  }

  // ---------------------------------------------------------------- helpers

  private async defaultLevelId_(sharedContext: Context): Promise<string | null> {
    const [level] = await this.listDistributionLevels({ is_default: true }, { select: ["id"], take: 1 }, sharedContext)
    return level?.id ?? null
  }

  private async lockTreeRow_(manager: EntityManager, id: string): Promise<tree.TreeRow> {
    const row = await tree.lockTreeRow(manager, id)
    if (!row) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Distributor ${id} was not found`)
    }
    return row
  }

  // ---------------------------------------------------------------- group buys (拼团)
  // The SQL lives in queries/group-buys.ts, the rules in utils/group-buy.ts.

  /**
   * Takes a 拼团 seat for an activity reservation, inside reserveActivity's
   * transaction (under its lock on the buyer): a seat in the group asked for
   * by one conditional UPDATE, or a new group led by the buyer. A lost
   * last-seat race follows the activity's overflow rule: lead a new group, or
   * a 409 (the reservation is rolled back with it).
   */
  private async takeGroupSeat_(manager: EntityManager, reservation: { id: string; activity_id: string; customer_id: string; variant_id: string; quantity: number; expires_at: Date }, seat: GroupSeatRequest) {
    let group: groupBuys.GroupRow | null = null
    if (seat.group_id) {
      const [mine] = await manager.execute(
        `SELECT 1 FROM distribution_group_member WHERE group_id = ? AND customer_id = ? AND status IN ('reserved', 'paid') AND deleted_at IS NULL`,
        [seat.group_id, reservation.customer_id]
      )
      if (mine) {
        throw new MedusaError(MedusaError.Types.CONFLICT, `You already hold a seat in the group ${seat.group_id}`)
      }
      group = await groupBuys.takeSeat(manager, { group_id: seat.group_id, group_buy_id: reservation.activity_id, now: new Date() })
      if (group && group.currency_code !== seat.currency_code) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `The group ${group.id} buys in ${group.currency_code.toUpperCase()}, not ${seat.currency_code.toUpperCase()}`
        )
      }
      if (!group && seat.overflow === GroupOverflow.REFUSE) {
        throw new MedusaError(MedusaError.Types.CONFLICT, `The group ${seat.group_id} has no seat left (full, closed or expired)`)
      }
    }
    const overflowed = !!seat.group_id && !group
    if (!group) {
      group = await groupBuys.insertGroup(manager, {
        group_buy_id: reservation.activity_id,
        leader_customer_id: reservation.customer_id,
        size: seat.size,
        currency_code: seat.currency_code,
      })
    }
    await groupBuys.insertMember(manager, {
      reservation_id: reservation.id,
      group_id: group.id,
      group_buy_id: reservation.activity_id,
      customer_id: reservation.customer_id,
      is_leader: group.status === GroupStatus.FORMING,
      variant_id: reservation.variant_id,
      quantity: reservation.quantity,
      unit_price: seat.unit_price,
      currency_code: seat.currency_code,
      reservation_expires_at: reservation.expires_at,
      overflowed,
    })
  }

  /** The seat of an activity reservation, with its group. */
  @InjectManager()
  async groupSeatOfReservation(reservationId: string, @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.manager as EntityManager
    const member = await groupBuys.memberByReservation(manager, reservationId)
    if (!member) {
      return null
    }
    const [group]: groupBuys.GroupRow[] = await manager.execute(`SELECT * FROM distribution_group WHERE id = ?`, [member.group_id])
    return { member, group }
  }

  /**
   * A 拼团 reservation was released (it expired, its checkout failed, or its
   * order was canceled): a reserved seat goes back to its group (a forming
   * group whose leader let it lapse is abandoned); a paid member of a
   * still-open group whose order was canceled gives the seat back.
   */
  @InjectTransactionManager()
  async releaseGroupSeat(input: { reservation_id: string }, @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.transactionManager as EntityManager
    const member = await groupBuys.memberByReservation(manager, input.reservation_id)
    if (!member) {
      return null
    }
    if (member.status === GroupMemberStatus.RESERVED) {
      await groupBuys.releaseReservations(manager, { member_ids: [member.id], now: new Date(), limit: 1 })
      return member
    }
    return member.order_id ? await groupBuys.cancelOpenMember(manager, member.order_id) : null
  }

  /**
   * A group-buy reservation was consumed by its order: its seat is paid, once (a replay finds
   * it paid). The leader's payment opens the group with its deadline; the
   * last seat paid makes it succeed. An order placed after its seat was
   * released is queued for a refund (`late`).
   */
  @InjectTransactionManager()
  async confirmGroupMember(
    input: { reservation_id: string; order_id: string; now: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ member: groupBuys.MemberRow; group: groupBuys.GroupRow; opened: boolean; succeeded: boolean; late: boolean } | null> {
    const manager = sharedContext.transactionManager as EntityManager
    const found = await groupBuys.memberByReservation(manager, input.reservation_id)
    if (!found) {
      return null
    }
    const locked = (await groupBuys.lockGroup(manager, found.group_id))!
    const paid = await groupBuys.markPaid(manager, { member_id: found.id, order_id: input.order_id, now: input.now })
    if (!paid) {
      const late = await groupBuys.markLatePayment(manager, { member_id: found.id, order_id: input.order_id, now: input.now })
      return late ? { member: late, group: locked, opened: false, succeeded: false, late: true } : null
    }
    const [activity] = await this.listDistributionGroupBuys({ id: locked.group_buy_id }, { withDeleted: true }, sharedContext)
    const opened = locked.status === GroupStatus.FORMING
    const fields: Partial<groupBuys.GroupRow> = { reserved: locked.reserved - 1, paid: locked.paid + 1 }
    if (opened) {
      Object.assign(fields, {
        status: GroupStatus.OPEN,
        opened_at: input.now,
        expires_at: groupDeadline(input.now, activity.time_limit_minutes, new Date(activity.ends_at)),
      })
    }
    let group = await groupBuys.updateGroup(manager, locked.id, fields)
    const succeeded = group.paid >= group.size
    if (succeeded) {
      group = await this.succeedGroup_(manager, group, activity, input.now)
    }
    return { member: paid, group, opened, succeeded, late: false }
  }

  /**
   * Settles open groups past their deadline (claimed with SKIP LOCKED, so two
   * instances never settle one group twice): virtually complete at the
   * threshold, else failed with every paid member's refund queued.
   */
  @InjectTransactionManager()
  async expireGroups(
    input: { now: Date; limit?: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ group: groupBuys.GroupRow; outcome: GroupStatus }[]> {
    const manager = sharedContext.transactionManager as EntityManager
    const due = await groupBuys.claimExpiredGroups(manager, input.now, input.limit ?? 100)
    const settled: { group: groupBuys.GroupRow; outcome: GroupStatus }[] = []
    for (const group of due) {
      const [activity] = await this.listDistributionGroupBuys({ id: group.group_buy_id }, { withDeleted: true }, sharedContext)
      const outcome = expiryOutcome(group, activity.virtual_threshold)
      settled.push({ group: await this.closeGroup_(manager, group, activity, outcome, input.now), outcome })
    }
    return settled
  }

  /**
   * Repairs seats a crash left out of step with their activity reservations:
   * releases those whose reservation was released, and answers those whose
   * reservation was consumed, for the caller to confirm (confirmGroupMember,
   * idempotent).
   */
  @InjectTransactionManager()
  async repairGroupSeats(input: { limit?: number }, @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.transactionManager as EntityManager
    const { released, consumed } = await groupBuys.seatsOutOfStep(manager, input.limit ?? 500)
    if (released.length) {
      await groupBuys.releaseReservations(manager, { member_ids: released, now: new Date(), limit: released.length })
    }
    return { released: released.length, consumed }
  }

  /** An admin's decision on an open group: complete it now (the missing seats virtual) or fail it. */
  @InjectTransactionManager()
  async decideGroup(
    input: { group_id: string; outcome: typeof GroupStatus.SUCCEEDED | typeof GroupStatus.FAILED; now: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<groupBuys.GroupRow> {
    const manager = sharedContext.transactionManager as EntityManager
    const group = await groupBuys.lockGroup(manager, input.group_id)
    if (!group) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Group ${input.group_id} was not found`)
    }
    if (group.status !== GroupStatus.OPEN) {
      throw new MedusaError(MedusaError.Types.CONFLICT, `The group ${group.id} is ${group.status}: only an open group can be completed or failed`)
    }
    const [activity] = await this.listDistributionGroupBuys({ id: group.group_buy_id }, { withDeleted: true }, sharedContext)
    return await this.closeGroup_(manager, group, activity, input.outcome, input.now)
  }

  private async closeGroup_(
    manager: EntityManager,
    group: groupBuys.GroupRow,
    activity: DistributionGroupBuyDTO,
    outcome: GroupStatus,
    now: Date
  ): Promise<groupBuys.GroupRow> {
    // Unpaid seats of a closed group go, with their activity reservations: their carts no longer complete.
    const released = await groupBuys.releaseGroupReservations(manager, group.id)
    for (const reservationId of released) {
      await reservations.releaseReservation(manager, { id: reservationId, now, reason: "group_closed" })
    }
    if (outcome === GroupStatus.SUCCEEDED) {
      const filled = await groupBuys.updateGroup(manager, group.id, { reserved: 0, virtual_count: group.size - group.paid })
      return await this.succeedGroup_(manager, filled, activity, now)
    }
    await groupBuys.queueRefunds(manager, group.id)
    return await groupBuys.updateGroup(manager, group.id, { reserved: 0, status: GroupStatus.FAILED, failed_at: now })
  }

  /** Marks a group succeeded and credits the leader bonus through the ledger, once (unique per group), to an active distributor only. */
  private async succeedGroup_(
    manager: EntityManager,
    group: groupBuys.GroupRow,
    activity: DistributionGroupBuyDTO,
    now: Date
  ): Promise<groupBuys.GroupRow> {
    let bonusEntryId: string | null = null
    if (activity.leader_bonus_bps) {
      const [leaderLine] = await this.listDistributionGroupMembers(
        { group_id: group.id, is_leader: true, status: GroupMemberStatus.PAID },
        {},
        { transactionManager: manager }
      )
      const [leader] = await this.listDistributors({ customer_id: group.leader_customer_id }, {}, { transactionManager: manager })
      if (leaderLine && leader?.status === DistributorStatus.ACTIVE) {
        const amount = leaderBonus(leaderLine, activity.leader_bonus_bps)
        if (MathBN.gt(amount, 0)) {
          bonusEntryId = await ledger.appendLedgerEntry(manager, {
            distributor_id: leader.id,
            currency_code: leaderLine.currency_code,
            kind: LedgerKind.GROUP_LEADER_BONUS,
            amount,
            reference_type: "group",
            reference_id: group.id,
            reason: `Leader bonus of the group buy "${activity.name}"`,
          })
          if (bonusEntryId) {
            await wallets.applyToWallets(manager, [{ distributor_id: leader.id, currency_code: leaderLine.currency_code, amount, field: "available" }])
          }
        }
      }
    }
    return await groupBuys.updateGroup(manager, group.id, {
      status: GroupStatus.SUCCEEDED,
      succeeded_at: now,
      ...(bonusEntryId ? { leader_bonus_entry_id: bonusEntryId } : {}),
    })
  }

  /** Claims one due refund of a failed group's member (pending → refunding); null when none is due. */
  @InjectTransactionManager()
  async claimGroupRefund(input: { group_id?: string; member_ids?: string[] }, @MedusaContext() sharedContext: Context = {}) {
    return await groupBuys.claimRefund(sharedContext.transactionManager as EntityManager, input)
  }

  /** Refunds reconcile looks at: stuck, failed or never queued, and those marked refunded in the window (see queries/group-buys). */
  @InjectManager()
  async listUnfinishedGroupRefunds(input: { refunded_from: Date; refunded_to: Date; limit?: number }, @MedusaContext() sharedContext: Context = {}) {
    return await groupBuys.unfinishedRefunds(sharedContext.manager as EntityManager, { ...input, limit: input.limit ?? 1000 })
  }

  /** Queues those refunds again, each only while still as reconcile found it; answers the members queued. */
  @InjectTransactionManager()
  async requeueGroupRefunds(members: { id: string; state: groupBuys.UnfinishedRefund["state"] }[], @MedusaContext() sharedContext: Context = {}) {
    return await groupBuys.requeueRefunds(sharedContext.transactionManager as EntityManager, members)
  }

  @InjectTransactionManager()
  async finishGroupRefund(
    input: { member_id: string; status: typeof GroupRefundStatus.REFUNDED | typeof GroupRefundStatus.FAILED; error?: string | null },
    @MedusaContext() sharedContext: Context = {}
  ) {
    await groupBuys.finishRefund(sharedContext.transactionManager as EntityManager, input)
  }

  @InjectManager()
  async groupMemberOfOrder(orderId: string, @MedusaContext() sharedContext: Context = {}) {
    return await groupBuys.memberByOrder(sharedContext.manager as EntityManager, orderId)
  }

  @InjectManager()
  async groupBuyGroupCounts(groupBuyIds: string[], @MedusaContext() sharedContext: Context = {}) {
    return await groupBuys.groupCounts(sharedContext.manager as EntityManager, groupBuyIds)
  }

  @InjectManager()
  async groupBuyReport(groupBuyId: string, @MedusaContext() sharedContext: Context = {}) {
    return await groupBuys.groupBuyReport(sharedContext.manager as EntityManager, groupBuyId)
  }

  /**
   * Issues a fresh code, drawing again on a collision with another
   * activation's code (each attempt is a savepoint: see trySetReferralCode).
   */
  private async issueReferralCode_(manager: EntityManager, id: string): Promise<string> {
    const length = this.options_.referral_code_length ?? REFERRAL_CODE_LENGTH
    for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
      const code = generateReferralCode((n) => crypto.randomInt(n), length)
      if (await tree.trySetReferralCode(manager, id, code)) {
        return code
      }
    }
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      `Could not issue a unique referral code in ${CODE_ATTEMPTS} attempts; raise referral_code_length`
    )
  }

  // ------------------------------------------------------------- flash sales

  /**
   * Under the activities lock, refuses (CONFLICT) an activity whose variants
   * another flash sale or group buy, not closed or ended, holds during its
   * window; `labels` name the variants in the refusal (lib/activity/variants).
   */
  private async refuseActivityOverlap_(
    manager: EntityManager,
    input: { kind: ActivityKind; id?: string | null; variant_ids: string[]; starts_at: Date; ends_at: Date; labels: Record<string, string> }
  ) {
    await activities.lockActivities(manager)
    const refusal = activityOverlapRefusal(
      await activities.overlappingActivities(manager, {
        variant_ids: input.variant_ids,
        starts_at: input.starts_at,
        ends_at: input.ends_at,
        now: new Date(),
        except: input.id ? { kind: input.kind, id: input.id } : null,
      }),
      input.labels
    )
    if (refusal) {
      throw refusalError(refusal)
    }
  }

  /**
   * Creates or changes a group buy (its row as the workflow's step checked it)
   * after the one-activity-per-variant check, in one transaction under the
   * activities lock.
   */
  @InjectTransactionManager()
  async saveGroupBuy(
    input: { id?: string | null; data: Record<string, unknown>; variant_labels: Record<string, string> },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<DistributionGroupBuyDTO> {
    const manager = sharedContext.transactionManager as EntityManager
    const [current] = input.id ? await this.listDistributionGroupBuys({ id: input.id }, {}, sharedContext) : []
    const merged = { ...(current ?? {}), ...input.data } as unknown as { starts_at: Date | string; ends_at: Date | string; prices: { variant_id: string }[] }
    await this.refuseActivityOverlap_(manager, {
      kind: ActivityKind.GROUP_BUY,
      id: input.id,
      variant_ids: [...new Set(merged.prices.map((p) => p.variant_id))],
      starts_at: new Date(merged.starts_at),
      ends_at: new Date(merged.ends_at),
      labels: input.variant_labels,
    })
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const data = input.data as any
    return input.id
      ? await this.updateDistributionGroupBuys({ ...data, id: input.id }, sharedContext)
      : await this.createDistributionGroupBuys(data, sharedContext)
  }

  /** Writes a flash sale and its variants in one transaction, after the one-activity-per-variant check. */
  @InjectTransactionManager()
  async createFlashSale(
    input: {
      sale: Record<string, unknown>
      variants: { variant_id: string; product_id: string; prices: Record<string, string>; quota: number }[]
      variant_labels: Record<string, string>
    },
    @MedusaContext() sharedContext: Context = {}
  ) {
    await this.refuseActivityOverlap_(sharedContext.transactionManager as EntityManager, {
      kind: ActivityKind.FLASH_SALE,
      variant_ids: input.variants.map((v) => v.variant_id),
      ...flashSaleWindow(input.sale as { starts_on: string; ends_on: string; time_zone: string }),
      labels: input.variant_labels,
    })
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const sale = await this.createDistributionFlashSales(input.sale as any, sharedContext)
    await this.createDistributionFlashSaleVariants(
      input.variants.map((v) => ({ ...v, flash_sale_id: sale.id })),
      sharedContext
    )
    return sale
  }

  /**
   * Changes a flash sale and, when given, its variants' prices and quotas: a
   * quota cannot go below what is reserved and sold (the CHECK refuses it:
   * answered as a CONFLICT), a variant with reservations cannot leave.
   */
  @InjectTransactionManager()
  async updateFlashSale(
    input: {
      id: string
      sale: Record<string, unknown>
      variants?: { variant_id: string; product_id: string; prices: Record<string, string>; quota: number }[]
      /** The names of the sale's variants after the change (lib/activity/variants). */
      variant_labels: Record<string, string>
    },
    @MedusaContext() sharedContext: Context = {}
  ) {
    const manager = sharedContext.transactionManager as EntityManager
    const [current] = await this.listDistributionFlashSales({ id: input.id }, {}, sharedContext)
    if (!current) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Flash sale ${input.id} was not found`)
    }
    const variantIds = input.variants
      ? input.variants.map((v) => v.variant_id)
      : (await this.listDistributionFlashSaleVariants({ flash_sale_id: input.id }, { select: ["variant_id"] }, sharedContext)).map((v) => v.variant_id)
    await this.refuseActivityOverlap_(manager, {
      kind: ActivityKind.FLASH_SALE,
      id: input.id,
      variant_ids: variantIds,
      ...flashSaleWindow({ ...current, ...(input.sale as Partial<{ starts_on: string; ends_on: string; time_zone: string }>) }),
      labels: input.variant_labels,
    })
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const sale = await this.updateDistributionFlashSales({ ...(input.sale as any), id: input.id }, sharedContext)
    if (input.variants) {
      const current = await this.listDistributionFlashSaleVariants({ flash_sale_id: input.id }, {}, sharedContext)
      const keep = new Set(input.variants.map((v) => v.variant_id))
      const leaving = current.filter((v) => !keep.has(v.variant_id))
      const held = leaving.find((v) => v.reserved + v.sold > 0)
      if (held) {
        throw new MedusaError(MedusaError.Types.CONFLICT, `The variant ${held.variant_id} has ${held.reserved} reserved and ${held.sold} sold: it stays in the flash sale`)
      }
      if (leaving.length) {
        await manager.execute(`DELETE FROM distribution_flash_sale_variant WHERE id = ANY(?::text[])`, [`{${leaving.map((v) => v.id).join(",")}}`])
      }
      for (const v of input.variants) {
        const existing = current.find((c) => c.variant_id === v.variant_id)
        if (existing && existing.reserved + existing.sold > v.quota) {
          throw new MedusaError(
            MedusaError.Types.CONFLICT,
            `The quota of ${v.variant_id} cannot go below its ${existing.reserved} reserved and ${existing.sold} sold`
          )
        }
      }
      for (const v of input.variants) {
        const existing = current.find((c) => c.variant_id === v.variant_id)
        if (existing) {
          await this.updateDistributionFlashSaleVariants({ id: existing.id, prices: v.prices, quota: v.quota }, sharedContext)
        } else {
          await this.createDistributionFlashSaleVariants({ ...v, flash_sale_id: input.id }, sharedContext)
        }
      }
    }
    return sale
  }

  // ------------------------------------------------------- activity checkout

  /**
   * Reserves `quantity` of an activity's variant for a customer until
   * `expires_at`: under a lock on (activity, customer) a second unpaid
   * checkout is refused (CONFLICT), their reserved and consumed quantities
   * are counted against `per_customer_limit`, then the
   * quota is taken and the reservation written in one conditional statement.
   * Over the limit: NOT_ALLOWED; sold out: CONFLICT; nothing written either way.
   */
  @InjectTransactionManager()
  async reserveActivity(
    input: {
      kind: ActivityKind
      activity_id: string
      activity_name: string
      variant_id: string
      customer_id: string
      quantity: number
      per_customer_limit: number | null
      expires_at: Date
      /** A 拼团 checkout's seat: the group to join (none: a new group), at the group price. */
      seat?: GroupSeatRequest
    },
    @MedusaContext() sharedContext: Context = {}
  ) {
    const manager = sharedContext.transactionManager as EntityManager
    await reservations.lockBuyer(manager, input.kind, input.activity_id, input.customer_id)
    // One unpaid checkout per buyer and activity (yudao's rule): the open one is completed or expires first.
    const open = await reservations.openReservation(manager, input.kind, input.activity_id, input.customer_id, new Date())
    if (open) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `You already have an unpaid checkout of "${input.activity_name}" (cart ${open.cart_id ?? "being made"}, until ${new Date(open.expires_at).toISOString()}): complete it, or check out again once it expires`
      )
    }
    if (input.per_customer_limit !== null) {
      const held = await reservations.heldByBuyer(manager, input.kind, input.activity_id, input.customer_id)
      if (held + input.quantity > input.per_customer_limit) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `"${input.activity_name}" allows at most ${input.per_customer_limit} per customer; you already hold ${held}`
        )
      }
    }
    const row = await reservations.takeQuota(manager, input)
    if (!row) {
      const left = await reservations.quotaLeft(manager, input.kind, input.activity_id, input.variant_id)
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        left ? `"${input.activity_name}" has only ${left} left of this item` : `"${input.activity_name}" is sold out of this item`
      )
    }
    if (input.kind === ActivityKind.GROUP_BUY) {
      // The group seat and the reservation are one transaction: a refused seat leaves no reservation.
      await this.takeGroupSeat_(manager, row, input.seat!)
    }
    return row
  }

  @InjectTransactionManager()
  async attachReservationCart(input: { id: string; cart_id: string }, @MedusaContext() sharedContext: Context = {}) {
    await reservations.setReservationCart(sharedContext.transactionManager as EntityManager, input.id, input.cart_id)
  }

  @InjectManager()
  async retrieveActivityReservation(id: string, @MedusaContext() sharedContext: Context = {}) {
    return await reservations.reservationById(sharedContext.manager as EntityManager, id)
  }

  /** The reservation a cart was made for by activity checkout, or null for any other cart. */
  @InjectManager()
  async retrieveActivityReservationOfCart(cartId: string, @MedusaContext() sharedContext: Context = {}) {
    return await reservations.reservationOfCart(sharedContext.manager as EntityManager, cartId)
  }

  /** Whether an order could consume a reservation, or has (queries/activity-reservations anyToConsumeFor). */
  @InjectManager()
  async hasActivityReservationToConsume(orderId: string, @MedusaContext() sharedContext: Context = {}) {
    return await reservations.anyToConsumeFor(sharedContext.manager as EntityManager, orderId)
  }

  /** A cart being completed keeps its reservation until `until` (see queries/activity-reservations holdForCompletion). */
  @InjectTransactionManager()
  async holdActivityReservationForCompletion(input: { id: string; now: Date; until: Date }, @MedusaContext() sharedContext: Context = {}) {
    return await reservations.holdForCompletion(sharedContext.transactionManager as EntityManager, input)
  }

  /** The order placed from a reservation's cart consumes it (idempotent by the order). */
  @InjectTransactionManager()
  async consumeActivityReservation(input: { id: string; order_id: string; now: Date }, @MedusaContext() sharedContext: Context = {}) {
    return await reservations.consumeReservation(sharedContext.transactionManager as EntityManager, input)
  }

  /** A canceled order gives its quota back (idempotent: a replay releases nothing). */
  @InjectTransactionManager()
  async giveBackActivityReservations(input: { order_id: string; now: Date }, @MedusaContext() sharedContext: Context = {}) {
    return await reservations.giveBackOrder(sharedContext.transactionManager as EntityManager, input)
  }

  @InjectTransactionManager()
  async releaseActivityReservation(input: { id: string; now: Date; reason: string }, @MedusaContext() sharedContext: Context = {}) {
    return await reservations.releaseReservation(sharedContext.transactionManager as EntityManager, input)
  }

  /** Releases up to `limit` expired reservations (their quota back), skipping rows held elsewhere. */
  @InjectTransactionManager()
  async releaseExpiredActivityReservations(input: { now: Date; limit: number }, @MedusaContext() sharedContext: Context = {}) {
    return await reservations.releaseExpired(sharedContext.transactionManager as EntityManager, input)
  }
}


/** A key sent again with another request: Stripe's semantics, a 409 that names what differs. */
function reusedKeyConflict(key: string, what: string, differs: string[]): MedusaError {
  return new MedusaError(
    MedusaError.Types.CONFLICT,
    `The idempotency key ${key} was already used for another ${what} (its ${differs.join(", ")} differ${differs.length === 1 ? "s" : ""}): send the same request to get its result, or use a new key for a new ${what}.`
  )
}

/** The editable settings of a settings row (the row also holds its id, key and timestamps). */
function toSettingsInput(row: DistributionSettingsDTO): DistributionSettingsInput {
  const settings = Object.fromEntries(SETTING_KEYS.map((key) => [key, row[key]])) as unknown as DistributionSettingsInput
  return { ...settings, withdrawal_methods: settings.withdrawal_methods ?? [] }
}
