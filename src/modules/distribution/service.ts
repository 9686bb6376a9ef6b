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
  generateEntityId,
  MathBN,
} from "@medusajs/framework/utils"
import {
  AuditActorType,
  DistributorStatus,
  LedgerKind,
  WithdrawalAction,
  WithdrawalStatus,
} from "./constants"
import {
  Commission,
  CommissionRule,
  DistributionAuditLog,
  DistributionLevel,
  DistributionSettings,
  DistributionVisit,
  Distributor,
  LedgerEntry,
  ReferralBinding,
  Wallet,
  Withdrawal,
} from "./models"
import {
  AdjustBalanceInput,
  ApplicationData,
  AuditEntry,
  Balance,
  BindCustomerInput,
  CommissionRow,
  WalletMismatch,
  DistributionModuleOptions,
  DistributionSettingsDTO,
  DistributionLevelDTO,
  DistributionSettingsInput,
  DistributorDTO,
  NewCommission,
  NewDistributorInput,
  ReferralBindingDTO,
  RequestWithdrawalInput,
  TransitionWithdrawalInput,
  WithdrawalSnapshot,
} from "./types"
import { decideBinding } from "./utils/binding"
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
  nextDistributorStatus,
} from "./utils/distributor-status"
import * as reports from "./queries/reports"
import {
  REFERRAL_CODE_LENGTH,
  generateReferralCode,
  normalizeReferralCode,
} from "./utils/referral-code"
import { childPath, likePrefix, uplineIds } from "./utils/tree-path"
import { pgTextArray, isUniqueViolation, rawAmount } from "./utils/sql"
import { DEFAULT_SETTINGS, validateSettings } from "./utils/settings"
import { LEVEL_STATS_SQL } from "./queries/level-stats"
import { StatsBucket, statsSeries, summaryFigures, teamByDepth } from "./queries/centre"
import { LevelStats, LevelThresholds, nextLevelProgress } from "./utils/centre"
import { fitsCurrency, formatAmount, formatMoney, tooPreciseMessage } from "./utils/money"
import {
  nextWithdrawalStatus,
  withdrawalConflictMessage,
  withdrawalFee,
} from "./utils/withdrawal"

/**
 * Every change to the tree's shape (an insert under a parent, a move) takes this
 * advisory lock: inserts share it, moves hold it alone, so a path is never derived
 * from a parent that is being moved, on any instance.
 */
const TREE_LOCK_KEY = 7_400_210_001
/**
 * Namespace of the advisory locks on withdrawal idempotency keys (with the
 * two-key form, beside a hash of distributor and key): two requests with one
 * key queue, whatever wallet each would lock.
 */
const WITHDRAWAL_KEY_LOCK = 740_021
const CODE_ATTEMPTS = 12

const WITHDRAWAL_SNAPSHOT_COLUMNS = `id, distributor_id, currency_code, amount::text AS amount, status,
  reject_reason, transaction_reference, approved_at, approved_by, rejected_at, rejected_by, paid_at, paid_by`

type TreeRow = {
  id: string
  path: string
  depth: number
  parent_id: string | null
  status: DistributorStatus
  team_size: number
  referral_code: string | null
}

export default class DistributionModuleService extends MedusaService({
  Distributor,
  DistributionLevel,
  DistributionSettings,
  ReferralBinding,
  DistributionVisit,
  DistributionAuditLog,
  Commission,
  CommissionRule,
  LedgerEntry,
  Wallet,
  Withdrawal,
}) {
  protected readonly options_: DistributionModuleOptions

  constructor(container: Record<string, unknown>, options?: DistributionModuleOptions) {
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

  // ---------------------------------------------------------------- settings

  /** The settings row, created from the plugin options' defaults on first read. */
  @InjectManager()
  async getSettings(
    @MedusaContext() sharedContext: Context = {}
  ): Promise<DistributionSettingsDTO> {
    const [existing] = await this.listDistributionSettings(
      { key: "default" },
      {},
      sharedContext
    )
    if (existing) {
      return existing
    }
    await this.insertDefaultSettings_(sharedContext)
    const [row] = await this.listDistributionSettings(
      { key: "default" },
      {},
      sharedContext
    )
    return row
  }

  @InjectTransactionManager()
  protected async insertDefaultSettings_(
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    const manager = sharedContext.transactionManager as EntityManager
    const s: DistributionSettingsInput = {
      ...DEFAULT_SETTINGS,
      ...(this.options_.defaults ?? {}),
    }
    validateSettings(s)
    // ON CONFLICT: two instances booting at once both try; one row survives.
    await manager.execute(
      `INSERT INTO distribution_settings (id, key, enabled, max_depth, application_mode,
        application_min_spend, raw_application_min_spend, self_purchase, binding_mode,
        binding_days, bind_new_customers_only, commission_base, settle_on, freeze_days,
        order_cap_bps, min_withdrawal, raw_min_withdrawal, withdrawal_fee_bps,
        withdrawal_methods, default_rate_bps_1, default_rate_bps_2, default_rate_bps_3,
        currency_code)
       VALUES (?, 'default', ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, 'subtotal_after_discounts', ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?, ?, ?)
       ON CONFLICT (key) WHERE deleted_at IS NULL DO NOTHING`,
      [
        generateEntityId(undefined, "dset"),
        s.enabled,
        s.max_depth,
        s.application_mode,
        s.application_min_spend,
        rawAmount(s.application_min_spend),
        s.self_purchase,
        s.binding_mode,
        s.binding_days,
        s.bind_new_customers_only,
        s.settle_on,
        s.freeze_days,
        s.order_cap_bps,
        s.min_withdrawal,
        rawAmount(s.min_withdrawal),
        s.withdrawal_fee_bps,
        JSON.stringify(s.withdrawal_methods),
        s.default_rate_bps_1,
        s.default_rate_bps_2,
        s.default_rate_bps_3,
        s.currency_code?.toLowerCase() ?? null,
      ]
    )
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

  decryptPersonalData<T>(stored: string | null | undefined): T | null {
    if (!stored) {
      return null
    }
    return JSON.parse(decryptString(stored, this.encryptionKey_())) as T
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
  ): Promise<DistributorDTO> {
    const manager = sharedContext.transactionManager as EntityManager
    await manager.execute("SELECT pg_advisory_xact_lock_shared(?)", [
      TREE_LOCK_KEY,
    ])
    let parent: TreeRow | undefined
    if (input.parent_id) {
      ;[parent] = await manager.execute(
        `SELECT id, path, depth FROM distribution_distributor
          WHERE id = ? AND deleted_at IS NULL FOR SHARE`,
        [input.parent_id]
      )
      if (!parent) {
        throw new MedusaError(
          MedusaError.Types.NOT_FOUND,
          `Parent distributor ${input.parent_id} was not found`
        )
      }
    }
    const id = generateEntityId(undefined, "dist")
    const path = childPath(parent?.path ?? null, id)
    const levelId =
      input.level_id === undefined
        ? await this.defaultLevelId_(manager)
        : input.level_id
    const active = input.status === DistributorStatus.ACTIVE
    const inserted = await manager.execute(
      `INSERT INTO distribution_distributor (id, customer_id, email, display_name,
         parent_id, path, depth, status, application, level_id, activated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ${active ? "now()" : "NULL"})
       ON CONFLICT (customer_id) WHERE deleted_at IS NULL DO NOTHING
       RETURNING id`,
      [
        id,
        input.customer_id,
        input.email,
        input.display_name,
        parent?.id ?? null,
        path,
        parent ? parent.depth + 1 : 0,
        input.status,
        input.application ? this.encryptPersonalData(input.application) : null,
        levelId,
      ]
    )
    if (!inserted.length) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        "This customer has already applied to the distribution programme"
      )
    }
    if (parent) {
      await manager.execute(
        `UPDATE distribution_distributor
            SET team_size = team_size + 1,
                direct_count = direct_count + (CASE WHEN id = ? THEN 1 ELSE 0 END)
          WHERE id = ANY(?::text[])`,
        [parent.id, pgTextArray(uplineIds(path, id))]
      )
    }
    if (active) {
      await this.issueReferralCode_(manager, id)
    }
    return await this.retrieveDistributor(id, {}, sharedContext)
  }

  /** Compensation of createDistributor: removes a leaf and gives its upline its counts back. */
  @InjectTransactionManager()
  async removeLeafDistributor(
    id: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    const manager = sharedContext.transactionManager as EntityManager
    await manager.execute("SELECT pg_advisory_xact_lock_shared(?)", [
      TREE_LOCK_KEY,
    ])
    const [row] = await manager.execute(
      `DELETE FROM distribution_distributor WHERE id = ? AND team_size = 0
       RETURNING id, path, parent_id`,
      [id]
    )
    if (row?.parent_id) {
      await manager.execute(
        `UPDATE distribution_distributor
            SET team_size = team_size - 1,
                direct_count = direct_count - (CASE WHEN id = ? THEN 1 ELSE 0 END)
          WHERE id = ANY(?::text[])`,
        [row.parent_id, pgTextArray(uplineIds(row.path, id))]
      )
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
    const previous = await this.retrieveDistributor(id, {}, sharedContext)
    const updated = await manager.execute(
      `UPDATE distribution_distributor
          SET status = ?, application = ?, reject_reason = NULL, reviewed_by = NULL,
              reviewed_at = NULL, updated_at = now(),
              activated_at = CASE WHEN ? THEN COALESCE(activated_at, now()) ELSE activated_at END
        WHERE id = ? AND status = 'rejected' AND deleted_at IS NULL
        RETURNING id`,
      [
        input.status,
        input.application ? this.encryptPersonalData(input.application) : null,
        input.status === DistributorStatus.ACTIVE,
        id,
      ]
    )
    if (!updated.length) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `You have already applied to the distribution programme (status: ${previous.status})`
      )
    }
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
    const manager = sharedContext.transactionManager as EntityManager
    await manager.execute(
      `UPDATE distribution_distributor
          SET status = ?, application = ?, reject_reason = ?, suspend_reason = ?,
              reviewed_by = ?, reviewed_at = ?, updated_at = now()
        WHERE id = ?`,
      [
        previous.status,
        previous.application ?? null,
        previous.reject_reason ?? null,
        previous.suspend_reason ?? null,
        previous.reviewed_by ?? null,
        previous.reviewed_at ?? null,
        previous.id,
      ]
    )
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
    const [row] = await manager.execute(
      `SELECT id, status FROM distribution_distributor
        WHERE id = ? AND deleted_at IS NULL FOR UPDATE`,
      [input.id]
    )
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
    const reviewed = input.action === "approve" || input.action === "reject"
    await manager.execute(
      `UPDATE distribution_distributor
          SET status = ?, updated_at = now(),
              reviewed_by = CASE WHEN ? THEN ? ELSE reviewed_by END,
              reviewed_at = CASE WHEN ? THEN now() ELSE reviewed_at END,
              reject_reason = CASE WHEN ? THEN ? ELSE reject_reason END,
              suspend_reason = CASE WHEN ? = 'suspend' THEN ? WHEN ? = 'reinstate' THEN NULL ELSE suspend_reason END,
              activated_at = CASE WHEN ? = 'active' THEN COALESCE(activated_at, now()) ELSE activated_at END
        WHERE id = ?`,
      [
        to,
        reviewed,
        input.actor_id ?? null,
        reviewed,
        input.action === "reject",
        input.reason ?? null,
        input.action,
        input.reason ?? null,
        input.action,
        to,
        input.id,
      ]
    )
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
    const [row]: { level_id: string | null }[] = await manager.execute(
      `SELECT level_id FROM distribution_distributor WHERE id = ? AND deleted_at IS NULL FOR UPDATE`,
      [input.id]
    )
    if (!row) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Distributor ${input.id} was not found`)
    }
    const [level]: { id: string; name: string; rank: number }[] = await manager.execute(
      `SELECT id, name, rank FROM distribution_level WHERE id = ? AND deleted_at IS NULL FOR SHARE`,
      [input.level_id]
    )
    if (!level) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Level ${input.level_id} was not found`)
    }
    if (row.level_id === level.id) {
      if (input.allow_unchanged) {
        return { previous_level_id: row.level_id, level }
      }
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `The distributor is already on level ${level.name}`)
    }
    await manager.execute(
      `UPDATE distribution_distributor SET level_id = ?, updated_at = now() WHERE id = ?`,
      [level.id, input.id]
    )
    return { previous_level_id: row.level_id, level }
  }

  /** Compensation of setDistributorLevel: the level the distributor had before. */
  @InjectTransactionManager()
  async restoreDistributorLevel(
    input: { id: string; level_id: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    const manager = sharedContext.transactionManager as EntityManager
    await manager.execute(
      `UPDATE distribution_distributor SET level_id = ?, updated_at = now() WHERE id = ?`,
      [input.level_id, input.id]
    )
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
    await manager.execute("SELECT pg_advisory_xact_lock(?)", [TREE_LOCK_KEY])
    const node = await this.lockTreeRow_(manager, input.id)
    if (input.parent_id === node.parent_id) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        input.parent_id
          ? "The distributor is already under that parent"
          : "The distributor is already at the top of the tree"
      )
    }
    let parent: TreeRow | null = null
    if (input.parent_id) {
      parent = await this.lockTreeRow_(manager, input.parent_id)
      if (parent.id === node.id || parent.path.startsWith(node.path)) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          "A distributor cannot be moved under itself or under one of its own team: that would make a cycle"
        )
      }
      if (parent.status !== DistributorStatus.ACTIVE) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `The new parent must be an active distributor (its status is ${parent.status})`
        )
      }
    }
    const newPath = childPath(parent?.path ?? null, node.id)
    const newDepth = parent ? parent.depth + 1 : 0
    const subtree = node.team_size + 1
    const oldUpline = uplineIds(node.path, node.id)
    const moved = await manager.execute(
      `UPDATE distribution_distributor
          SET path = ? || substr(path, ?),
              depth = depth + ?,
              parent_id = CASE WHEN id = ? THEN ? ELSE parent_id END,
              updated_at = now()
        WHERE path LIKE ? ESCAPE '\\' AND deleted_at IS NULL
        RETURNING id`,
      [
        newPath,
        node.path.length + 1,
        newDepth - node.depth,
        node.id,
        parent?.id ?? null,
        likePrefix(node.path),
      ]
    )
    if (oldUpline.length) {
      await manager.execute(
        `UPDATE distribution_distributor
            SET team_size = team_size - ?,
                direct_count = direct_count - (CASE WHEN id = ? THEN 1 ELSE 0 END)
          WHERE id = ANY(?::text[])`,
        [subtree, node.parent_id, pgTextArray(oldUpline)]
      )
    }
    if (parent) {
      await manager.execute(
        `UPDATE distribution_distributor
            SET team_size = team_size + ?,
                direct_count = direct_count + (CASE WHEN id = ? THEN 1 ELSE 0 END)
          WHERE id = ANY(?::text[])`,
        [subtree, parent.id, pgTextArray(uplineIds(newPath, node.id))]
      )
    }
    return { previous_parent_id: node.parent_id, moved: moved.length }
  }

  /** The upline, nearest first, in one primary-key read of the ids in the path. */
  @InjectManager()
  async getUpline(
    id: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<DistributorDTO[]> {
    const node = await this.retrieveDistributor(id, { select: ["id", "path"] }, sharedContext)
    const ids = uplineIds(node.path, node.id)
    if (!ids.length) {
      return []
    }
    const rows = await this.listDistributors({ id: ids }, { relations: ["level"] }, sharedContext)
    const byId = new Map(rows.map((r) => [r.id, r]))
    return ids.map((i) => byId.get(i)).filter((r): r is DistributorDTO => !!r)
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
    const manager = sharedContext.manager as EntityManager
    const code = input.referral_code ? normalizeReferralCode(input.referral_code) : null
    const [row]: {
      buyer_id: string | null
      buyer_status: DistributorStatus | null
      binding_distributor_id: string | null
      code_owner_id: string | null
      code_owner_status: DistributorStatus | null
    }[] = await manager.execute(
      `SELECT buyer.id AS buyer_id, buyer.status AS buyer_status,
              binding.distributor_id AS binding_distributor_id,
              owner.id AS code_owner_id, owner.status AS code_owner_status
         FROM (SELECT 1) one
         LEFT JOIN distribution_distributor buyer
           ON buyer.customer_id = ? AND buyer.deleted_at IS NULL
         LEFT JOIN distribution_referral_binding binding
           ON binding.customer_id = ? AND binding.deleted_at IS NULL
          AND (binding.expires_at IS NULL OR binding.expires_at > ?)
         LEFT JOIN distribution_distributor owner
           ON owner.referral_code = ? AND owner.deleted_at IS NULL`,
      [input.customer_id, input.customer_id, input.at, code]
    )
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
    const manager = sharedContext.manager as EntityManager
    return await manager.execute(
      `SELECT id, target_type, target_id, mode, rate_bps_1, rate_bps_2, rate_bps_3,
              raw_fixed_amount_1->>'value' AS fixed_amount_1,
              raw_fixed_amount_2->>'value' AS fixed_amount_2,
              raw_fixed_amount_3->>'value' AS fixed_amount_3,
              currency_code
         FROM distribution_commission_rule
        WHERE target_id = ANY(?::text[]) AND deleted_at IS NULL`,
      [pgTextArray([...new Set(targetIds)])]
    )
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
    const manager = sharedContext.manager as EntityManager
    const rows: {
      id: string
      status: DistributorStatus
      level_id: string | null
      rate_bps_1: number
      rate_bps_2: number
      rate_bps_3: number
    }[] = await manager.execute(
      `SELECT d.id, d.status, l.id AS level_id, l.rate_bps_1, l.rate_bps_2, l.rate_bps_3
         FROM distribution_distributor self
        CROSS JOIN LATERAL unnest(string_to_array(trim(BOTH '/' FROM self.path), '/')) WITH ORDINALITY AS up(id, n)
         JOIN distribution_distributor d ON d.id = up.id AND d.deleted_at IS NULL
         LEFT JOIN distribution_level l ON l.id = d.level_id AND l.deleted_at IS NULL
        WHERE self.id = ? AND self.deleted_at IS NULL
        ORDER BY up.n DESC
        LIMIT ?`,
      [id, Math.max(depth, 1)]
    )
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
  ): Promise<{ rows: DistributorDTO[]; count: number }> {
    const manager = sharedContext.manager as EntityManager
    const node = await this.retrieveDistributor(id, { select: ["id", "path", "depth"] }, sharedContext)
    const params: unknown[] = [node.depth + query.depth, likePrefix(node.path)]
    let statusFilter = ""
    if (query.status?.length) {
      statusFilter = "AND status = ANY(?::text[])"
      params.push(pgTextArray(query.status))
    }
    const where = `depth = ? AND path LIKE ? ESCAPE '\\' AND deleted_at IS NULL ${statusFilter}`
    const [{ count }] = await manager.execute(
      `SELECT count(*)::int AS count FROM distribution_distributor WHERE ${where}`,
      params
    )
    const idRows: { id: string }[] = await manager.execute(
      `SELECT id FROM distribution_distributor WHERE ${where}
        ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`,
      [...params, query.limit, query.offset]
    )
    if (!idRows.length) {
      return { rows: [], count }
    }
    const rows = await this.listDistributors(
      { id: idRows.map((r) => r.id) },
      { relations: ["level"] },
      sharedContext
    )
    const byId = new Map(rows.map((r) => [r.id, r]))
    return { rows: idRows.map((r) => byId.get(r.id)!).filter(Boolean), count }
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
    const [target] = (await manager.execute(
      `SELECT id, path, status, customer_id FROM distribution_distributor
        WHERE id = ? AND deleted_at IS NULL`,
      [input.distributor_id]
    )) as TreeRow[]
    if (!target || target.status !== DistributorStatus.ACTIVE) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        "No active distributor has that referral code"
      )
    }
    const [own] = (await manager.execute(
      `SELECT id, path FROM distribution_distributor
        WHERE customer_id = ? AND deleted_at IS NULL`,
      [input.customer_id]
    )) as TreeRow[]
    if (own && target.path.startsWith(own.path)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        own.id === target.id
          ? "A distributor cannot be bound to itself"
          : "A distributor cannot be bound to a member of its own team"
      )
    }
    for (let attempt = 0; attempt < 2; attempt++) {
      const [existing] = await manager.execute(
        `SELECT id, distributor_id, expires_at FROM distribution_referral_binding
          WHERE customer_id = ? AND deleted_at IS NULL FOR UPDATE`,
        [input.customer_id]
      )
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
      })
      const effective =
        input.force && decision.action === "keep" && decision.reason === "first_touch"
          ? ({ action: "replace", expires_at: null } as const)
          : decision
      if (effective.action === "keep") {
        return {
          binding: await this.retrieveReferralBinding(existing.id, {}, sharedContext),
          changed: false,
          reason: effective.reason,
        }
      }
      if (effective.action === "replace") {
        await manager.execute(
          `UPDATE distribution_referral_binding
              SET distributor_id = ?, source = ?, bound_at = ?, expires_at = ?,
                  bound_by = ?, updated_at = now()
            WHERE id = ?`,
          [target.id, input.source, now, effective.expires_at, input.bound_by ?? null, existing.id]
        )
        return {
          binding: await this.retrieveReferralBinding(existing.id, {}, sharedContext),
          changed: true,
        }
      }
      const inserted = await manager.execute(
        `INSERT INTO distribution_referral_binding
           (id, customer_id, distributor_id, source, bound_at, expires_at, bound_by)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (customer_id) WHERE deleted_at IS NULL DO NOTHING
         RETURNING id`,
        [
          generateEntityId(undefined, "dbind"),
          input.customer_id,
          target.id,
          input.source,
          now,
          effective.expires_at,
          input.bound_by ?? null,
        ]
      )
      if (inserted.length) {
        return {
          binding: await this.retrieveReferralBinding(inserted[0].id, {}, sharedContext),
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
    const manager = sharedContext.transactionManager as EntityManager
    const now = input.now ?? new Date()
    const rows = await manager.execute(
      `INSERT INTO distribution_visit
         (id, distributor_id, visitor_key, visit_date, source, landing_path, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (distributor_id, visitor_key, visit_date) WHERE deleted_at IS NULL DO NOTHING
       RETURNING id`,
      [
        generateEntityId(undefined, "dvis"),
        input.distributor_id,
        input.visitor_key,
        now.toISOString().slice(0, 10),
        input.source,
        input.landing_path,
        now,
        now,
      ]
    )
    return rows.length > 0
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
    const manager = sharedContext.transactionManager as EntityManager
    const values: unknown[] = []
    const tuples = rows.map((r) => {
      values.push(
        generateEntityId(undefined, "dcom"),
        r.order_id,
        r.line_item_id,
        r.distributor_id,
        r.buyer_customer_id,
        r.depth,
        r.attribution,
        r.product_id,
        r.variant_id,
        r.quantity,
        r.base_amount,
        rawAmount(r.base_amount),
        r.rate_bps,
        r.rate_source,
        r.rule_id,
        r.amount,
        rawAmount(r.amount),
        r.currency_code
      )
      return "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?::jsonb, ?)"
    })
    return await manager.execute(
      `INSERT INTO distribution_commission (id, order_id, line_item_id, distributor_id,
         buyer_customer_id, depth, attribution, product_id, variant_id, quantity,
         base_amount, raw_base_amount, rate_bps, rate_source, rule_id, amount, raw_amount,
         currency_code)
       VALUES ${tuples.join(", ")}
       ON CONFLICT (order_id, line_item_id, distributor_id, depth) WHERE deleted_at IS NULL
       DO NOTHING RETURNING id, amount::text AS amount`,
      values
    )
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
    const manager = sharedContext.transactionManager as EntityManager
    await manager.execute(
      `DELETE FROM distribution_commission WHERE id = ANY(?::text[]) AND status = 'pending'`,
      [pgTextArray(ids)]
    )
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
    const manager = sharedContext.transactionManager as EntityManager
    const rows = await manager.execute(
      `UPDATE distribution_commission SET eligible_at = ?, updated_at = now()
        WHERE order_id = ? AND status = 'pending' AND deleted_at IS NULL
          AND (eligible_at IS NULL OR eligible_at > ?)
        RETURNING id`,
      [input.eligible_at, input.order_id, input.eligible_at]
    )
    return rows.length
  }

  /**
   * Settles one batch of due commissions: status, ledger credit and cached
   * balance in one transaction. Rows are claimed with SKIP LOCKED, so several
   * workers can settle side by side; the ledger's unique reference makes a
   * replay write nothing. A suspended distributor's commissions are held: they
   * stay pending while it is suspended, and the first run after reinstatement
   * settles those that are due.
   */
  @InjectTransactionManager()
  async settleDueCommissions(
    input: { now: Date; limit: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ settled: number; distributor_ids: string[] }> {
    const manager = sharedContext.transactionManager as EntityManager
    const credited: { distributor_id: string; currency_code: string; amount: string }[] =
      await manager.execute(
        `WITH due AS (
           SELECT c.id FROM distribution_commission c
            WHERE c.status = 'pending' AND c.eligible_at IS NOT NULL AND c.eligible_at <= ? AND c.deleted_at IS NULL
              AND NOT EXISTS (
                SELECT 1 FROM distribution_distributor d WHERE d.id = c.distributor_id AND d.status = 'suspended'
              )
            ORDER BY c.eligible_at LIMIT ? FOR UPDATE OF c SKIP LOCKED
         ), settled AS (
           UPDATE distribution_commission c
              SET status = 'settled', settled_at = ?, updated_at = now()
             FROM due WHERE c.id = due.id
           RETURNING c.id, c.distributor_id, c.currency_code, (c.amount - c.reversed_amount) AS net
         )
         INSERT INTO distribution_ledger_entry
           (id, distributor_id, currency_code, kind, amount, raw_amount, reference_type, reference_id)
         SELECT 'dled_' || replace(gen_random_uuid()::text, '-', ''), distributor_id, currency_code,
                'commission_settled', net, jsonb_build_object('value', net::text, 'precision', 20),
                'commission', id
           FROM settled WHERE net > 0
         ON CONFLICT (kind, reference_id) WHERE deleted_at IS NULL DO NOTHING
         RETURNING distributor_id, currency_code, amount::text AS amount`,
        [input.now, input.limit, input.now]
      )
    await this.applyToWallets_(manager, credited.map((c) => ({ ...c, field: "available" as const })))
    return {
      settled: credited.length,
      distributor_ids: [...new Set(credited.map((c) => c.distributor_id))],
    }
  }

  /**
   * Moves an order's commissions to the reversed amounts given (absolute and
   * cumulative, per commission id), under a row lock: a replay finds nothing
   * left to do. A target may also be lower than what is reversed (a return
   * now explains a refund that had been spread over the kept lines): the
   * commission gets that back. Pending commissions just change value; a
   * settled one moves through the ledger (clawed back, or given back), and
   * the balance may become a debt. A fully reversed commission stays so.
   * `reference` names the cause (cancel, a return, a refund) in the ledger.
   */
  @InjectTransactionManager()
  async reverseOrderCommissions(
    input: {
      order_id: string
      reference: string
      /** commission id → amount to have reversed in total. */
      targets: Record<string, string>
    },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ reversed: number; clawed_back: number }> {
    const manager = sharedContext.transactionManager as EntityManager
    const rows: CommissionRow[] = await manager.execute(
      `SELECT id, line_item_id, distributor_id, currency_code, status, quantity,
              amount::text AS amount, reversed_amount::text AS reversed_amount, base_amount::text AS base_amount
         FROM distribution_commission
        WHERE order_id = ? AND status <> 'reversed' AND deleted_at IS NULL
        ORDER BY id FOR UPDATE`,
      [input.order_id]
    )
    let reversed = 0
    const clawbacks: { distributor_id: string; currency_code: string; amount: string }[] = []
    for (const row of rows) {
      const target = input.targets[row.id]
      if (target === undefined) {
        continue
      }
      const total = MathBN.max(0, MathBN.min(target, row.amount))
      const delta = MathBN.sub(total, row.reversed_amount)
      if (MathBN.eq(delta, 0)) {
        continue
      }
      const full = MathBN.gte(total, row.amount)
      await manager.execute(
        `UPDATE distribution_commission
            SET reversed_amount = ?, raw_reversed_amount = ?::jsonb, updated_at = now(),
                status = CASE WHEN ? THEN 'reversed' ELSE status END,
                reversed_at = CASE WHEN ? THEN now() ELSE reversed_at END
          WHERE id = ?`,
        [total.toFixed(), rawAmount(total.toFixed()), full, full, row.id]
      )
      reversed++
      if (row.status === "settled") {
        const entry = {
          distributor_id: row.distributor_id,
          currency_code: row.currency_code,
          kind: LedgerKind.COMMISSION_CLAWED_BACK,
          amount: MathBN.mult(delta, -1).toFixed(),
          reference_type: "commission",
          reason: input.reference,
        }
        // The row lock makes the move happen once; the reference only has to
        // be unique. It names the move, and counts on in the rare case the
        // same cause moved the row the same way before.
        const base = `${row.id}:${input.reference}:${MathBN.convert(row.reversed_amount).toFixed()}>${total.toFixed()}`
        let n = 1
        while (!(await this.appendLedger_(manager, { ...entry, reference_id: n === 1 ? base : `${base}#${n}` }))) {
          n++
        }
        clawbacks.push({ distributor_id: row.distributor_id, currency_code: row.currency_code, amount: entry.amount })
      }
    }
    await this.applyToWallets_(manager, clawbacks.map((c) => ({ ...c, field: "available" as const })))
    return { reversed, clawed_back: clawbacks.length }
  }

  /** An order's live commissions, amounts as decimal strings (what reversal targets are computed from). */
  @InjectManager()
  async listOrderCommissionRows(
    orderId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<CommissionRow[]> {
    const manager = sharedContext.manager as EntityManager
    return await manager.execute(
      `SELECT id, line_item_id, distributor_id, currency_code, status, quantity,
              amount::text AS amount, reversed_amount::text AS reversed_amount, base_amount::text AS base_amount
         FROM distribution_commission WHERE order_id = ? AND deleted_at IS NULL ORDER BY id`,
      [orderId]
    )
  }

  /** Balances of a distributor: the wallet's cache plus pending commissions, per currency. */
  @InjectManager()
  async getBalances(
    distributorId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Balance[]> {
    const manager = sharedContext.manager as EntityManager
    const rows: Balance[] = await manager.execute(
      `SELECT currency_code,
              coalesce(sum(pending), 0)::text AS pending,
              coalesce(sum(available), 0)::text AS available,
              coalesce(sum(held), 0)::text AS held,
              coalesce(sum(withdrawn), 0)::text AS withdrawn
         FROM (
           SELECT currency_code, (amount - reversed_amount) AS pending, 0 AS available, 0 AS held, 0 AS withdrawn
             FROM distribution_commission
            WHERE distributor_id = ? AND status = 'pending' AND deleted_at IS NULL
           UNION ALL
           SELECT currency_code, 0, available, held, withdrawn
             FROM distribution_wallet WHERE distributor_id = ? AND deleted_at IS NULL
         ) b
        GROUP BY currency_code ORDER BY currency_code`,
      [distributorId, distributorId]
    )
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
    const [distributor] = await manager.execute(
      `SELECT id FROM distribution_distributor WHERE id = ? AND deleted_at IS NULL`,
      [input.distributor_id]
    )
    if (!distributor) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Distributor ${input.distributor_id} was not found`)
    }
    const reference = `${input.distributor_id}:${input.idempotency_key}`
    const entryId = await this.appendLedger_(manager, {
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
      const [first]: { id: string; currency_code: string; amount: string; reason: string | null }[] =
        await manager.execute(
          `SELECT id, currency_code, amount::text AS amount, reason FROM distribution_ledger_entry
            WHERE kind = ? AND reference_id = ? AND deleted_at IS NULL`,
          [LedgerKind.MANUAL_ADJUSTMENT, reference]
        )
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
    await this.applyToWallets_(manager, [{ ...input, field: "available" }])
    await this.appendAudit_(manager, {
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
    const mismatches: WalletMismatch[] = await manager.execute(
      `WITH derived AS (
         SELECT distributor_id, currency_code,
                coalesce(sum(amount) FILTER (WHERE kind <> 'withdrawal_paid'), 0) AS available,
                coalesce(-sum(amount) FILTER (WHERE kind IN ('withdrawal_held', 'withdrawal_released')), 0)
                  - coalesce(sum(amount) FILTER (WHERE kind = 'withdrawal_paid'), 0) AS held,
                coalesce(sum(amount) FILTER (WHERE kind = 'withdrawal_paid'), 0) AS withdrawn
           FROM distribution_ledger_entry WHERE deleted_at IS NULL
          GROUP BY distributor_id, currency_code
       )
       SELECT coalesce(d.distributor_id, w.distributor_id) AS distributor_id,
              coalesce(d.currency_code, w.currency_code) AS currency_code,
              coalesce(w.available, 0)::text AS cached_available, coalesce(d.available, 0)::text AS ledger_available,
              coalesce(w.held, 0)::text AS cached_held, coalesce(d.held, 0)::text AS ledger_held,
              coalesce(w.withdrawn, 0)::text AS cached_withdrawn, coalesce(d.withdrawn, 0)::text AS ledger_withdrawn
         FROM derived d
         FULL JOIN (SELECT * FROM distribution_wallet WHERE deleted_at IS NULL) w
           ON w.distributor_id = d.distributor_id AND w.currency_code = d.currency_code
        WHERE coalesce(w.available, 0) <> coalesce(d.available, 0)
           OR coalesce(w.held, 0) <> coalesce(d.held, 0)
           OR coalesce(w.withdrawn, 0) <> coalesce(d.withdrawn, 0)
        ORDER BY 1, 2`
    )
    if (input.repair) {
      for (const m of mismatches) {
        const fix = (f: "available" | "held" | "withdrawn") =>
          MathBN.sub(m[`ledger_${f}`], m[`cached_${f}`]).toFixed()
        await this.applyToWallets_(manager, [
          { distributor_id: m.distributor_id, currency_code: m.currency_code, amount: fix("available"), field: "available" },
          { distributor_id: m.distributor_id, currency_code: m.currency_code, amount: fix("held"), field: "held" },
          { distributor_id: m.distributor_id, currency_code: m.currency_code, amount: fix("withdrawn"), field: "withdrawn" },
        ])
      }
    }
    return mismatches
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
    const manager = sharedContext.manager as EntityManager
    const seen: { order_id: string }[] = await manager.execute(
      `SELECT DISTINCT order_id FROM distribution_commission WHERE order_id = ANY(?::text[])`,
      [pgTextArray(orderIds)]
    )
    const have = new Set(seen.map((r) => r.order_id))
    return orderIds.filter((id) => !have.has(id))
  }

  /**
   * Moves distributors up to the highest level whose thresholds they all meet
   * (personal sales: depth-1 sales kept; team sales: all attributed sales kept;
   * direct recruits; depth-1 orders), counting settled commissions only. Never
   * down; a level without any threshold is never reached automatically.
   */
  @InjectTransactionManager()
  async upgradeLevels(
    distributorIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; from_level_id: string | null; to_level_id: string }[]> {
    if (!distributorIds.length) {
      return []
    }
    const manager = sharedContext.transactionManager as EntityManager
    // Only who can still go up: the biggest earners sit at the top level, and
    // summing their whole history on every settlement batch was the job's main cost.
    const climbers: { id: string }[] = await manager.execute(
      `SELECT d.id FROM distribution_distributor d
         LEFT JOIN distribution_level l ON l.id = d.level_id
        WHERE d.id = ANY(?::text[])
          AND EXISTS (
            SELECT 1 FROM distribution_level up
             WHERE up.deleted_at IS NULL AND up.rank > coalesce(l.rank, -1)
               AND (up.upgrade_personal_sales IS NOT NULL OR up.upgrade_team_sales IS NOT NULL
                    OR up.upgrade_direct_recruits IS NOT NULL OR up.upgrade_orders IS NOT NULL))`,
      [pgTextArray(distributorIds)]
    )
    if (!climbers.length) {
      return []
    }
    const targets: { id: string; from_level_id: string | null; to_level_id: string }[] = await manager.execute(
      `WITH stats AS (${LEVEL_STATS_SQL}
       )
       SELECT DISTINCT ON (s.id) s.id, s.level_id AS from_level_id, lv.id AS to_level_id
         FROM stats s
         JOIN distribution_level lv ON lv.deleted_at IS NULL AND lv.rank > s.rank
          AND (lv.upgrade_personal_sales IS NOT NULL OR lv.upgrade_team_sales IS NOT NULL
               OR lv.upgrade_direct_recruits IS NOT NULL OR lv.upgrade_orders IS NOT NULL)
          AND (lv.upgrade_personal_sales IS NULL OR s.personal_sales >= lv.upgrade_personal_sales)
          AND (lv.upgrade_team_sales IS NULL OR s.team_sales >= lv.upgrade_team_sales)
          AND (lv.upgrade_direct_recruits IS NULL OR s.direct_count >= lv.upgrade_direct_recruits)
          AND (lv.upgrade_orders IS NULL OR s.orders >= lv.upgrade_orders)
        ORDER BY s.id, lv.rank DESC`,
      [pgTextArray(climbers.map((c) => c.id))]
    )
    if (!targets.length) {
      return []
    }
    // Batches settled side by side can upgrade the same distributor: rows are
    // locked in id order (two updates locking in different orders could
    // deadlock), and a level changed since it was read (by the other batch, or
    // an admin) is left alone, so nobody ever goes down.
    await manager.execute(
      `SELECT id FROM distribution_distributor WHERE id = ANY(?::text[]) ORDER BY id FOR UPDATE`,
      [pgTextArray(targets.map((t) => t.id))]
    )
    return await manager.execute(
      `UPDATE distribution_distributor d SET level_id = t.to_level_id, updated_at = now()
         FROM unnest(?::text[], ?::text[], ?::text[]) AS t(id, from_level_id, to_level_id)
        WHERE d.id = t.id AND d.level_id IS NOT DISTINCT FROM t.from_level_id
       RETURNING d.id, t.from_level_id, t.to_level_id`,
      [
        pgTextArray(targets.map((t) => t.id)),
        pgTextArray(targets.map((t) => t.from_level_id)),
        pgTextArray(targets.map((t) => t.to_level_id)),
      ]
    )
  }

  /** One page of the orders a distributor earns from, newest first, with its commission lines. */
  @InjectManager()
  async listDistributorOrders(
    distributorId: string,
    page: { limit: number; offset: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ orders: { order_id: string; lines: CommissionRow[] }[]; count: number }> {
    const manager = sharedContext.manager as EntityManager
    const [{ count }] = await manager.execute(
      `SELECT count(DISTINCT order_id)::int AS count FROM distribution_commission
        WHERE distributor_id = ? AND deleted_at IS NULL`,
      [distributorId]
    )
    const ids: { order_id: string }[] = await manager.execute(
      `SELECT order_id, max(created_at) AS at FROM distribution_commission
        WHERE distributor_id = ? AND deleted_at IS NULL
        GROUP BY order_id ORDER BY at DESC, order_id DESC LIMIT ? OFFSET ?`,
      [distributorId, page.limit, page.offset]
    )
    if (!ids.length) {
      return { orders: [], count }
    }
    const lines: (CommissionRow & { order_id: string; depth: number })[] = await manager.execute(
      `SELECT id, order_id, line_item_id, distributor_id, currency_code, status, quantity, depth,
              amount::text AS amount, reversed_amount::text AS reversed_amount, base_amount::text AS base_amount
         FROM distribution_commission
        WHERE distributor_id = ? AND order_id = ANY(?::text[]) AND deleted_at IS NULL`,
      [distributorId, pgTextArray(ids.map((i) => i.order_id))]
    )
    return {
      orders: ids.map(({ order_id }) => ({ order_id, lines: lines.filter((l) => l.order_id === order_id) })),
      count,
    }
  }

  /**
   * Adds signed amounts to cached wallet balances, creating wallets on first
   * use. One statement per balance field however many wallets change: a
   * settlement batch touches hundreds, and a round trip each made the job slow.
   */
  private async applyToWallets_(
    manager: EntityManager,
    changes: { distributor_id: string; currency_code: string; amount: string; field: "available" | "held" | "withdrawn" }[]
  ): Promise<void> {
    const merged = new Map<string, { distributor_id: string; currency_code: string; field: string; amount: string }>()
    for (const c of changes) {
      const key = `${c.distributor_id}|${c.currency_code}|${c.field}`
      const prev = merged.get(key)
      merged.set(key, { ...c, amount: prev ? MathBN.add(prev.amount, c.amount).toFixed() : c.amount })
    }
    for (const f of ["available", "held", "withdrawn"] as const) {
      // A stable order of rows keeps concurrent batches from deadlocking on wallets.
      const rows = [...merged.values()]
        .filter((c) => c.field === f)
        .sort((a, b) => (a.distributor_id < b.distributor_id ? -1 : 1))
      if (!rows.length) {
        continue
      }
      await manager.execute(
        `INSERT INTO distribution_wallet (id, distributor_id, currency_code, ${f}, raw_${f})
         SELECT id, distributor_id, currency_code, amount, jsonb_build_object('value', amount::text, 'precision', 20)
           FROM unnest(?::text[], ?::text[], ?::text[], ?::numeric[]) WITH ORDINALITY
             AS c(id, distributor_id, currency_code, amount, n)
          ORDER BY n
         ON CONFLICT (distributor_id, currency_code) WHERE deleted_at IS NULL DO UPDATE
           SET ${f} = distribution_wallet.${f} + EXCLUDED.${f},
               raw_${f} = jsonb_build_object('value', (distribution_wallet.${f} + EXCLUDED.${f})::text, 'precision', 20),
               updated_at = now()`,
        [
          pgTextArray(rows.map(() => generateEntityId(undefined, "dwal"))),
          pgTextArray(rows.map((r) => r.distributor_id)),
          pgTextArray(rows.map((r) => r.currency_code)),
          pgTextArray(rows.map((r) => r.amount)),
        ]
      )
    }
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
    const [distributor] = await manager.execute(
      `SELECT id, status FROM distribution_distributor WHERE id = ? AND deleted_at IS NULL`,
      [input.distributor_id]
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
    const [wallet] = await manager.execute(
      `SELECT available::text AS available FROM distribution_wallet
        WHERE distributor_id = ? AND currency_code = ? AND deleted_at IS NULL FOR UPDATE`,
      [input.distributor_id, currency]
    )
    const refuse = (message: string) => new MedusaError(MedusaError.Types.NOT_ALLOWED, message)
    const money = (v: BigNumberInput) => formatMoney(v, currency)
    if (distributor.status !== DistributorStatus.ACTIVE) {
      throw refuse(`Only an active distributor can withdraw; this one is ${distributor.status}.`)
    }
    const methods = (settings.withdrawal_methods ?? []) as unknown as string[]
    if (!methods.includes(input.method)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Withdrawals by ${input.method} are not offered; choose one of: ${methods.join(", ")}.`
      )
    }
    if (!fitsCurrency(input.amount, currency)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        tooPreciseMessage("amount", input.amount, currency)
      )
    }
    if (MathBN.lt(input.amount, settings.min_withdrawal)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `The minimum withdrawal is ${money(settings.min_withdrawal)}.`
      )
    }
    const available = wallet?.available ?? "0"
    if (MathBN.lt(available, 0)) {
      throw refuse(
        `Your balance is in debt (${money(available)}) after reversed commissions: withdrawals are blocked until it is positive again.`
      )
    }
    if (MathBN.gt(input.amount, available)) {
      throw refuse(`${money(input.amount)} is more than your available balance of ${money(available)}.`)
    }
    const { fee, net } = withdrawalFee(input.amount, settings.withdrawal_fee_bps, currency)
    // Raw SQL keeps the amounts exact decimals (the generated create types them as numbers).
    const [row]: { id: string }[] = await manager.execute(
      `INSERT INTO distribution_withdrawal (id, distributor_id, currency_code, amount, raw_amount,
         fee_bps, fee, raw_fee, net_amount, raw_net_amount, method, payout_account, account_masked,
         note, idempotency_key)
       VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?, ?::jsonb, ?, ?) RETURNING id`,
      [
        generateEntityId(undefined, "dwdr"),
        input.distributor_id,
        currency,
        input.amount,
        rawAmount(input.amount),
        settings.withdrawal_fee_bps,
        fee,
        rawAmount(fee),
        net,
        rawAmount(net),
        input.method,
        input.payout_account,
        JSON.stringify(input.account_masked),
        input.note ?? null,
        input.idempotency_key ?? null,
      ]
    )
    await this.appendLedger_(manager, {
      distributor_id: input.distributor_id,
      currency_code: currency,
      kind: LedgerKind.WITHDRAWAL_HELD,
      amount: MathBN.mult(input.amount, -1).toFixed(),
      reference_type: "withdrawal",
      reference_id: row.id,
    })
    await this.applyToWallets_(manager, [
      { distributor_id: input.distributor_id, currency_code: currency, amount: MathBN.mult(input.amount, -1).toFixed(), field: "available" },
      { distributor_id: input.distributor_id, currency_code: currency, amount: input.amount, field: "held" },
    ])
    await this.appendAudit_(manager, {
      actor_type: AuditActorType.CUSTOMER,
      actor_id: input.customer_id,
      action: "withdrawal.request",
      entity_type: "withdrawal",
      entity_id: row.id,
      data: { amount: input.amount, currency_code: input.currency_code ?? null, method: input.method },
    })
    return { withdrawal_id: row.id, created: true }
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
    await manager.execute("SELECT pg_advisory_xact_lock(?, hashtext(?))", [
      WITHDRAWAL_KEY_LOCK,
      `${input.distributor_id}:${input.idempotency_key}`,
    ])
    const [first]: { id: string; amount: string; currency_code: string; method: string; payout_account: string; note: string | null }[] =
      await manager.execute(
        `SELECT id, amount::text AS amount, currency_code, method, payout_account, note FROM distribution_withdrawal
          WHERE distributor_id = ? AND idempotency_key = ? AND deleted_at IS NULL`,
        [input.distributor_id, input.idempotency_key]
      )
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
    const [w] = await manager.execute(
      `SELECT id, distributor_id, currency_code, amount::text AS amount, status
         FROM distribution_withdrawal WHERE id = ? AND deleted_at IS NULL FOR UPDATE`,
      [id]
    )
    if (!w || w.status !== WithdrawalStatus.REQUESTED) {
      return
    }
    await manager.execute(
      `DELETE FROM distribution_audit_log WHERE entity_type = 'withdrawal' AND entity_id = ? AND action = 'withdrawal.request'`,
      [id]
    )
    const removed = await manager.execute(
      `DELETE FROM distribution_ledger_entry WHERE kind = 'withdrawal_held' AND reference_id = ? RETURNING id`,
      [id]
    )
    if (removed.length) {
      await this.applyToWallets_(manager, [
        { distributor_id: w.distributor_id, currency_code: w.currency_code, amount: w.amount, field: "available" },
        { distributor_id: w.distributor_id, currency_code: w.currency_code, amount: MathBN.mult(w.amount, -1).toFixed(), field: "held" },
      ])
    }
    await manager.execute(`DELETE FROM distribution_withdrawal WHERE id = ?`, [id])
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
    const [w]: WithdrawalSnapshot[] = await manager.execute(
      `SELECT ${WITHDRAWAL_SNAPSHOT_COLUMNS} FROM distribution_withdrawal
        WHERE id = ? AND deleted_at IS NULL FOR UPDATE`,
      [input.id]
    )
    if (!w) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Withdrawal ${input.id} was not found`)
    }
    const next = nextWithdrawalStatus(w.status, input.action)
    if (!next) {
      throw new MedusaError(MedusaError.Types.CONFLICT, withdrawalConflictMessage(w.status, input.action))
    }
    const now = new Date()
    const actor = input.actor_id ?? null
    const set: Record<WithdrawalAction, [string, unknown[]]> = {
      approve: ["approved_at = ?, approved_by = ?", [now, actor]],
      reject: ["rejected_at = ?, rejected_by = ?, reject_reason = ?", [now, actor, input.reason ?? null]],
      pay: ["paid_at = ?, paid_by = ?, transaction_reference = ?", [now, actor, input.transaction_reference ?? null]],
    }
    const [fields, values] = set[input.action]
    await manager.execute(
      `UPDATE distribution_withdrawal SET status = ?, ${fields}, updated_at = now() WHERE id = ?`,
      [next, ...values, w.id]
    )
    const move = (from: "held", to: "available" | "withdrawn") => [
      { distributor_id: w.distributor_id, currency_code: w.currency_code, amount: MathBN.mult(w.amount, -1).toFixed(), field: from },
      { distributor_id: w.distributor_id, currency_code: w.currency_code, amount: w.amount, field: to },
    ]
    if (input.action === WithdrawalAction.REJECT || input.action === WithdrawalAction.PAY) {
      const reject = input.action === WithdrawalAction.REJECT
      await this.appendLedger_(manager, {
        distributor_id: w.distributor_id,
        currency_code: w.currency_code,
        kind: reject ? LedgerKind.WITHDRAWAL_RELEASED : LedgerKind.WITHDRAWAL_PAID,
        amount: w.amount,
        reference_type: "withdrawal",
        reference_id: w.id,
        reason: reject ? input.reason ?? null : input.transaction_reference ?? null,
        actor_id: actor,
      })
      await this.applyToWallets_(manager, move("held", reject ? "available" : "withdrawn"))
    }
    const auditId = await this.appendAudit_(manager, {
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
    await manager.execute(`DELETE FROM distribution_audit_log WHERE id = ?`, [input.audit_id])
    const [w] = await manager.execute(
      `SELECT status FROM distribution_withdrawal WHERE id = ? AND deleted_at IS NULL FOR UPDATE`,
      [previous.id]
    )
    if (!w || w.status === previous.status) {
      return
    }
    const kind =
      w.status === WithdrawalStatus.REJECTED ? LedgerKind.WITHDRAWAL_RELEASED
      : w.status === WithdrawalStatus.PAID ? LedgerKind.WITHDRAWAL_PAID
      : null
    if (kind) {
      const removed = await manager.execute(
        `DELETE FROM distribution_ledger_entry WHERE kind = ? AND reference_id = ? RETURNING id`,
        [kind, previous.id]
      )
      if (removed.length) {
        const to = kind === LedgerKind.WITHDRAWAL_RELEASED ? "available" : "withdrawn"
        await this.applyToWallets_(manager, [
          { distributor_id: previous.distributor_id, currency_code: previous.currency_code, amount: previous.amount, field: "held" },
          { distributor_id: previous.distributor_id, currency_code: previous.currency_code, amount: MathBN.mult(previous.amount, -1).toFixed(), field: to },
        ])
      }
    }
    await manager.execute(
      `UPDATE distribution_withdrawal
          SET status = ?, reject_reason = ?, transaction_reference = ?, approved_at = ?, approved_by = ?,
              rejected_at = ?, rejected_by = ?, paid_at = ?, paid_by = ?, updated_at = now()
        WHERE id = ?`,
      [
        previous.status, previous.reject_reason, previous.transaction_reference, previous.approved_at,
        previous.approved_by, previous.rejected_at, previous.rejected_by, previous.paid_at, previous.paid_by,
        previous.id,
      ]
    )
  }

  /**
   * Appends one audit row in the caller's transaction, so a change and its
   * audit row are written together or not at all.
   */
  private async appendAudit_(manager: EntityManager, entry: AuditEntry): Promise<string> {
    const [row]: { id: string }[] = await manager.execute(
      `INSERT INTO distribution_audit_log (id, actor_type, actor_id, action, entity_type, entity_id, data)
       VALUES (?, ?, ?, ?, ?, ?, ?::jsonb) RETURNING id`,
      [
        generateEntityId(undefined, "daud"),
        entry.actor_type,
        entry.actor_id ?? null,
        entry.action,
        entry.entity_type,
        entry.entity_id,
        entry.data ? JSON.stringify(entry.data) : null,
      ]
    )
    return row.id
  }

  /**
   * Appends one ledger entry. Unique per (kind, reference): a replay writes
   * nothing and returns null, so the caller moves the cached balance only for
   * an entry it really wrote.
   */
  private async appendLedger_(
    manager: EntityManager,
    e: {
      distributor_id: string
      currency_code: string
      kind: LedgerKind
      amount: string
      reference_type: string
      reference_id: string
      reason?: string | null
      actor_id?: string | null
    }
  ): Promise<string | null> {
    const rows: { id: string }[] = await manager.execute(
      `INSERT INTO distribution_ledger_entry
         (id, distributor_id, currency_code, kind, amount, raw_amount, reference_type, reference_id, reason, actor_id)
       VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)
       ON CONFLICT (kind, reference_id) WHERE deleted_at IS NULL DO NOTHING RETURNING id`,
      [
        generateEntityId(undefined, "dled"),
        e.distributor_id,
        e.currency_code,
        e.kind,
        e.amount,
        rawAmount(e.amount),
        e.reference_type,
        e.reference_id,
        e.reason ?? null,
        e.actor_id ?? null,
      ]
    )
    return rows[0]?.id ?? null
  }

  // ----------------------------------------------------------------- levels

  /** Makes `id` the one default level (the unique partial index keeps it one). */
  @InjectTransactionManager()
  async setDefaultLevel(
    id: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    const manager = sharedContext.transactionManager as EntityManager
    await manager.execute(
      `UPDATE distribution_level SET is_default = false, updated_at = now()
        WHERE is_default = true AND id <> ? AND deleted_at IS NULL`,
      [id]
    )
    await manager.execute(
      `UPDATE distribution_level SET is_default = true, updated_at = now() WHERE id = ?`,
      [id]
    )
  }

  /** Deletes a level; its distributors go to the default level. The default cannot be deleted. */
  @InjectTransactionManager()
  async deleteLevel(
    id: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ reassigned: number; default_level_id: string | null }> {
    const manager = sharedContext.transactionManager as EntityManager
    const [level] = await manager.execute(
      `SELECT id, is_default FROM distribution_level
        WHERE id = ? AND deleted_at IS NULL FOR UPDATE`,
      [id]
    )
    if (!level) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Level ${id} was not found`)
    }
    if (level.is_default) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "The default level cannot be deleted: make another level the default first"
      )
    }
    const defaultLevelId = await this.defaultLevelId_(manager)
    const moved = await manager.execute(
      `UPDATE distribution_distributor SET level_id = ?, updated_at = now()
        WHERE level_id = ? RETURNING id`,
      [defaultLevelId, id]
    )
    await manager.execute(`DELETE FROM distribution_level WHERE id = ?`, [id])
    return { reassigned: moved.length, default_level_id: defaultLevelId }
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
    const [balances, figures, byDepth, stats, levels] = await Promise.all([
      this.getBalances(distributor.id, sharedContext),
      summaryFigures(manager, { distributor_id: distributor.id, ...window }),
      teamByDepth(manager, distributor),
      this.getLevelStats(distributor.id, sharedContext),
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
        next: stats ? nextLevelProgress(stats, levels as unknown as LevelThresholds[], currency_code) : null,
      },
    }
  }

  /** What the level thresholds measure for one distributor, as the upgrade measures it. */
  @InjectManager()
  async getLevelStats(
    distributorId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LevelStats | null> {
    const manager = sharedContext.manager as EntityManager
    const [row] = await manager.execute(LEVEL_STATS_SQL, [pgTextArray([distributorId])])
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

  // ---------------------------------------------------------------- helpers

  private async defaultLevelId_(manager: EntityManager): Promise<string | null> {
    const [row] = await manager.execute(
      `SELECT id FROM distribution_level WHERE is_default = true AND deleted_at IS NULL LIMIT 1`
    )
    return row?.id ?? null
  }

  private async lockTreeRow_(manager: EntityManager, id: string): Promise<TreeRow> {
    const [row] = (await manager.execute(
      `SELECT id, path, depth, parent_id, status, team_size, referral_code
         FROM distribution_distributor WHERE id = ? AND deleted_at IS NULL FOR UPDATE`,
      [id]
    )) as TreeRow[]
    if (!row) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Distributor ${id} was not found`)
    }
    return row
  }

  /**
   * Issues a fresh code. Each attempt runs in a savepoint, so a collision on the
   * unique index (another activation drew the same code) is retried without
   * aborting the caller's transaction.
   */
  private async issueReferralCode_(manager: EntityManager, id: string): Promise<string> {
    const length = this.options_.referral_code_length ?? REFERRAL_CODE_LENGTH
    for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
      const code = generateReferralCode((n) => crypto.randomInt(n), length)
      await manager.execute("SAVEPOINT distribution_referral_code")
      try {
        await manager.execute(
          `UPDATE distribution_distributor SET referral_code = ?, updated_at = now()
            WHERE id = ? AND referral_code IS NULL`,
          [code, id]
        )
        await manager.execute("RELEASE SAVEPOINT distribution_referral_code")
        return code
      } catch (e) {
        await manager.execute("ROLLBACK TO SAVEPOINT distribution_referral_code")
        if (!isUniqueViolation(e)) {
          throw e
        }
      }
    }
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      `Could not issue a unique referral code in ${CODE_ATTEMPTS} attempts; raise referral_code_length`
    )
  }
}

/** A key sent again with another request: Stripe's semantics, a 409 that names what differs. */
function reusedKeyConflict(key: string, what: string, differs: string[]): MedusaError {
  return new MedusaError(
    MedusaError.Types.CONFLICT,
    `The idempotency key ${key} was already used for another ${what} (its ${differs.join(", ")} differ${differs.length === 1 ? "s" : ""}): send the same request to get its result, or use a new key for a new ${what}.`
  )
}

function toSettingsInput(row: DistributionSettingsDTO): DistributionSettingsInput {
  return {
    enabled: row.enabled,
    max_depth: row.max_depth,
    application_mode: row.application_mode,
    application_min_spend: row.application_min_spend,
    self_purchase: row.self_purchase,
    binding_mode: row.binding_mode,
    binding_days: row.binding_days,
    bind_new_customers_only: row.bind_new_customers_only,
    settle_on: row.settle_on,
    freeze_days: row.freeze_days,
    order_cap_bps: row.order_cap_bps,
    min_withdrawal: row.min_withdrawal,
    withdrawal_fee_bps: row.withdrawal_fee_bps,
    withdrawal_methods: (row.withdrawal_methods ?? []) as unknown as DistributionSettingsInput["withdrawal_methods"],
    default_rate_bps_1: row.default_rate_bps_1,
    default_rate_bps_2: row.default_rate_bps_2,
    default_rate_bps_3: row.default_rate_bps_3,
    currency_code: row.currency_code,
  }
}
