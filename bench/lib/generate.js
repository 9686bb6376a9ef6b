/**
 * Fills a migrated database with a programme at scale, straight into the
 * plugin's tables: distributors (a forest up to 50 deep, their paths and depths
 * in the tree's table, team_size and direct_count consistent), commissions,
 * their ledger and the wallets.
 *
 * The tree is drawn in memory (seeded, so every run draws the same one) and sent
 * in batches of arrays through unnest(); commissions come from generate_series
 * with a deterministic hash, so no row travels over the wire. The tables'
 * secondary indexes are dropped during the load and rebuilt from their own
 * definitions afterwards (what a bulk import does), then everything is analysed.
 *
 * Ids have the length of real ones (prefix + 26 characters), so paths and their
 * indexes have a realistic size.
 */
const { log, now } = require("./common")

const MAX_DEPTH = 50
/** Share of new distributors that start a tree of their own. */
const ROOT_SHARE = 0.002
/** Share that joins under the one registered just before (long lines of recruits). */
const CHAIN_SHARE = 0.6
const BATCH = 20_000
const CURRENCY = "cny"
const SURNAMES = ["wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma", "zhu", "hu", "guo", "he", "lin", "luo", "gao"]
const GIVEN = ["wei", "fang", "na", "min", "jing", "li", "qiang", "lei", "jun", "yang", "yong", "yan", "jie", "tao", "ming", "chao", "xiu", "xia", "ping", "gang", "hui", "hong", "dan", "ling", "bo", "yu", "hao", "xin", "ting", "kai"]
const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"

const pad = (n) => String(n).padStart(19, "0")
const distributorId = (n) => `dist_01BENCH${pad(n)}`
const customerId = (n) => `cus_01BENCH${pad(n)}`
/** SQL for the id of distributor number `expr`, the same as distributorId(). */
const distributorIdSql = (expr) => `'dist_01BENCH' || lpad((${expr})::text, 19, '0')`

function referralCode(n) {
  let s = ""
  let x = n + 31 ** 5 // at least six characters
  while (x > 0) {
    s = CODE_ALPHABET[x % 31] + s
    x = Math.floor(x / 31)
  }
  return s
}

/** Distributor number i's e-mail: its given name and surname (display_name is "surname given"). */
const emailOf = (i) => `${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]}.${SURNAMES[i % SURNAMES.length]}${i}@example.com`

/** 3% suspended and 1% pending (they keep their place in the tree); founders are always active. */
const statusOf = (i) => (i % 100 === 7 || i % 100 === 57 || i % 100 === 77 ? "suspended" : i % 100 === 99 ? "pending" : "active")

function mulberry32(seed) {
  let a = seed
  return () => {
    a |= 0
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * A forest of `n` distributors, every parent registered before its children:
 * a few start their own tree, most join under the one just before them (long
 * lines) or under an earlier one, earlier ones more often (the founders'
 * teams grow largest). Nobody is deeper than 49 (50 levels).
 */
function drawForest(n, seed = 42) {
  const rand = mulberry32(seed)
  const parent = new Int32Array(n)
  const depth = new Uint8Array(n)
  parent[0] = -1
  for (let i = 1; i < n; i++) {
    if (rand() < ROOT_SHARE) {
      parent[i] = -1
      continue
    }
    let p = rand() < CHAIN_SHARE ? i - 1 : Math.floor(i * rand() ** 2)
    while (depth[p] >= MAX_DEPTH - 1) p = parent[p]
    parent[i] = p
    depth[i] = depth[p] + 1
  }
  const teamSize = new Int32Array(n)
  const directCount = new Int32Array(n)
  for (let i = n - 1; i > 0; i--) {
    const p = parent[i]
    if (p >= 0) {
      teamSize[p] += teamSize[i] + 1
      directCount[p]++
    }
  }
  return { n, parent, depth, teamSize, directCount }
}

/** The secondary indexes of `table` (definitions kept to rebuild them), dropped. */
async function dropIndexes(client, table) {
  const { rows } = await client.query(
    `SELECT indexname, indexdef FROM pg_indexes
      WHERE schemaname = current_schema() AND tablename = $1 AND indexname NOT LIKE '%_pkey'`,
    [table]
  )
  for (const r of rows) {
    await client.query(`DROP INDEX "${r.indexname}"`)
  }
  return rows.map((r) => r.indexdef)
}

async function rebuildIndexes(client, table, definitions) {
  const started = now()
  for (const def of definitions) {
    await client.query(def)
  }
  log(`  ${definitions.length} indexes of ${table} rebuilt in ${((now() - started) / 1000).toFixed(1)} s`)
}

async function insertLevels(client) {
  const levels = [
    ["dlvl_01BENCH0000000000000000001", "铜牌分销商", 0, 1000, 500, 200, true],
    ["dlvl_01BENCH0000000000000000002", "银牌分销商", 1, 1200, 600, 300, false],
    ["dlvl_01BENCH0000000000000000003", "金牌分销商", 2, 1500, 800, 400, false],
  ]
  for (const [id, name, rank, r1, r2, r3, isDefault] of levels) {
    await client.query(
      `INSERT INTO distribution_level (id, name, rank, rate_bps_1, rate_bps_2, rate_bps_3, is_default,
         upgrade_team_sales, raw_upgrade_team_sales)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [id, name, rank, r1, r2, r3, isDefault, rank ? 1_000_000 * rank : null, rank ? { value: String(1_000_000 * rank), precision: 20 } : null]
    )
  }
  return levels.map((l) => l[0])
}

async function insertDistributors(client, forest, levelIds) {
  const { n, parent, depth, teamSize, directCount } = forest
  const paths = new Array(n)
  const started = Date.now() - 730 * 86_400_000
  const stepMs = (730 * 86_400_000) / n
  for (let from = 0; from < n; from += BATCH) {
    const to = Math.min(n, from + BATCH)
    const cols = { id: [], customer: [], email: [], name: [], code: [], parent: [], path: [], depth: [], status: [], level: [], team: [], direct: [], created: [] }
    for (let i = from; i < to; i++) {
      const id = distributorId(i)
      paths[i] = `${parent[i] >= 0 ? paths[parent[i]] : "/"}${id}/`
      const surname = SURNAMES[i % SURNAMES.length]
      const given = GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]
      const status = parent[i] < 0 ? "active" : statusOf(i)
      cols.id.push(id)
      cols.customer.push(customerId(i))
      cols.email.push(emailOf(i))
      cols.name.push(`${surname} ${given}`)
      cols.code.push(status === "pending" ? null : referralCode(i))
      cols.parent.push(parent[i] >= 0 ? distributorId(parent[i]) : null)
      cols.path.push(paths[i])
      cols.depth.push(depth[i])
      cols.status.push(status)
      cols.level.push(levelIds[teamSize[i] > 1000 ? 2 : teamSize[i] > 50 ? 1 : 0])
      cols.team.push(teamSize[i])
      cols.direct.push(directCount[i])
      cols.created.push(new Date(started + i * stepMs).toISOString())
    }
    // The distributors and their places in the tree's table (queries/tree.ts), as a registration writes them.
    await client.query(
      `WITH t AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                              $8::int[], $9::text[], $10::text[], $11::int[], $12::int[], $13::timestamptz[])
           AS t(id, customer_id, email, display_name, referral_code, parent_id, path, depth, status, level_id,
                team_size, direct_count, created_at)
       ), d AS (
         INSERT INTO distribution_distributor (id, customer_id, email, display_name, referral_code, parent_id,
           status, level_id, team_size, direct_count, created_at, updated_at, activated_at)
         SELECT id, customer_id, email, display_name, referral_code, parent_id, status, level_id,
                team_size, direct_count, created_at, created_at, CASE WHEN status <> 'pending' THEN created_at END
           FROM t
       )
       INSERT INTO distribution_distributor_tree (id, path, depth, created_at)
       SELECT id, path, depth, created_at FROM t`,
      [cols.id, cols.customer, cols.email, cols.name, cols.code, cols.parent, cols.path, cols.depth, cols.status, cols.level, cols.team, cols.direct, cols.created]
    )
  }
}

/**
 * `count` commissions: orders of 3 lines, each line paying depths 1..3; the
 * earner drawn with a skew towards the earliest distributors (the top of the
 * trees earn most: distributor 0 gets about 1 in 1,000). 60% settled, 35%
 * pending (not yet due), 5% reversed; created over the last two years.
 */
async function insertCommissions(client, count, distributors) {
  const hash = "((hashint8(g)::bigint + 2147483648)::float8 / 4294967296.0)"
  const earner = `least(${distributors - 1}, floor(${distributors} * ${hash} * ${hash}))::bigint`
  const chunk = 1_000_000
  for (let from = 1; from <= count; from += chunk) {
    const to = Math.min(count, from + chunk - 1)
    await client.query(
      `INSERT INTO distribution_commission (id, order_id, line_item_id, distributor_id, buyer_customer_id, depth,
         attribution, product_id, variant_id, quantity, base_amount, raw_base_amount, rate_bps, rate_source,
         amount, raw_amount, currency_code, status, eligible_at, settled_at, reversed_amount, raw_reversed_amount,
         reversed_at, created_at, updated_at)
       SELECT 'dcom_01BENCH' || lpad(g::text, 19, '0'),
              'order_01BENCH' || lpad((g / 9)::text, 19, '0'),
              'ordli_01BENCH' || lpad((g / 3)::text, 19, '0'),
              ${distributorIdSql(earner)},
              'cus_01BENCH' || lpad(((g / 9) % ${distributors})::text, 19, '0'),
              d.depth, 'binding', 'prod_01BENCH' || lpad(((g / 3) % 500)::text, 19, '0'),
              'variant_01BENCH' || lpad(((g / 3) % 1500)::text, 19, '0'),
              1 + (g / 3) % 3, x.base, jsonb_build_object('value', x.base::text, 'precision', 20),
              x.rate, 'level', x.amount, jsonb_build_object('value', x.amount::text, 'precision', 20),
              '${CURRENCY}', s.status,
              CASE WHEN s.status = 'settled' THEN t.created_at + interval '7 days' END,
              CASE WHEN s.status = 'settled' THEN t.created_at + interval '8 days' END,
              CASE WHEN s.status = 'reversed' THEN x.amount ELSE 0 END,
              jsonb_build_object('value', (CASE WHEN s.status = 'reversed' THEN x.amount ELSE 0 END)::text, 'precision', 20),
              CASE WHEN s.status = 'reversed' THEN t.created_at + interval '2 days' END,
              t.created_at, t.created_at
         FROM generate_series(${from}::bigint, ${to}::bigint) g
        CROSS JOIN LATERAL (SELECT (g % 3 + 1)::int AS depth) d
        CROSS JOIN LATERAL (SELECT CASE WHEN g % 100 < 60 THEN 'settled' WHEN g % 100 < 95 THEN 'pending' ELSE 'reversed' END AS status) s
        CROSS JOIN LATERAL (SELECT now() - (${count} - g) * ${(730 * 86400) / count} * interval '1 second' AS created_at) t
        CROSS JOIN LATERAL (
          SELECT b.base, r.rate, floor(b.base * r.rate / 100) / 100 AS amount
            FROM (SELECT ((g * 7919) % 50000 + 100) / 100.0 AS base) b,
                 (SELECT (ARRAY[1000, 500, 200])[d.depth] AS rate) r
        ) x`
    )
    log(`  commissions ${to.toLocaleString("en")} / ${count.toLocaleString("en")}`)
  }
}

/** One commission_settled entry per settled commission, and the wallets as their sums. */
async function insertLedgerAndWallets(client) {
  await client.query(
    `INSERT INTO distribution_ledger_entry (id, distributor_id, currency_code, kind, amount, raw_amount,
       reference_type, reference_id, created_at, updated_at)
     SELECT 'dled_' || substr(id, 6), distributor_id, currency_code, 'commission_settled', amount - reversed_amount,
            jsonb_build_object('value', (amount - reversed_amount)::text, 'precision', 20), 'commission', id,
            settled_at, settled_at
       FROM distribution_commission WHERE status = 'settled'`
  )
  await client.query(
    `INSERT INTO distribution_wallet (id, distributor_id, currency_code, available, raw_available)
     SELECT 'dwal_' || substr(distributor_id, 6), distributor_id, currency_code, sum(amount),
            jsonb_build_object('value', sum(amount)::text, 'precision', 20)
       FROM distribution_ledger_entry GROUP BY distributor_id, currency_code`
  )
}

/** Generates everything; returns the timings and the tree's facts the measurements need. */
async function generate(client, { distributors, commissions }) {
  const timings = {}
  const step = async (name, fn) => {
    const started = now()
    log(`generating: ${name}…`)
    const result = await fn()
    timings[name] = Math.round((now() - started) / 100) / 10
    return result
  }
  await client.query("SET maintenance_work_mem = '512MB'")
  await client.query("SET synchronous_commit = off")
  const forest = await step("tree_in_memory_s", async () => drawForest(distributors))
  const indexes = {}
  // (The search's copy of the distributors is written by the database's trigger, batch by batch.)
  for (const table of ["distribution_distributor", "distribution_distributor_search", "distribution_distributor_tree", "distribution_commission", "distribution_ledger_entry", "distribution_wallet"]) {
    indexes[table] = await dropIndexes(client, table)
  }
  const levelIds = await insertLevels(client)
  await step("distributors_s", () => insertDistributors(client, forest, levelIds))
  // The kept commission totals are added up once at the end, not by the
  // database's triggers per generated batch.
  await client.query("ALTER TABLE distribution_commission DISABLE TRIGGER USER")
  await step("commissions_s", () => insertCommissions(client, commissions, distributors))
  await step("ledger_and_wallets_s", () => insertLedgerAndWallets(client))
  await step("commission_totals_s", async () => {
    await client.query("INSERT INTO distribution_commission_total SELECT * FROM distribution_commission_total_derived")
    await client.query("ALTER TABLE distribution_commission ENABLE TRIGGER USER")
  })
  await step("indexes_s", async () => {
    for (const [table, defs] of Object.entries(indexes)) {
      await rebuildIndexes(client, table, defs)
    }
  })
  await step("vacuum_analyze_s", async () => {
    for (const table of [...Object.keys(indexes), "distribution_commission_total"]) {
      await client.query(`VACUUM ANALYZE ${table}`)
    }
  })
  const counts = (
    await client.query(
      `SELECT (SELECT count(*) FROM distribution_distributor)::int AS distributors,
              (SELECT count(*) FROM distribution_commission)::int AS commissions,
              (SELECT count(*) FROM distribution_ledger_entry)::int AS ledger_entries,
              (SELECT count(*) FROM distribution_wallet)::int AS wallets,
              (SELECT max(depth) FROM distribution_distributor_tree) AS max_depth,
              (SELECT count(*) FROM pg_indexes WHERE tablename = 'distribution_commission')::int AS commission_indexes,
              pg_size_pretty(pg_database_size(current_database())) AS database_size`
    )
  ).rows[0]
  return { timings, counts, forest }
}

/** The distributors the measurements act on, picked from the drawn forest. */
function subjects(forest) {
  const { n, parent, depth, teamSize, directCount } = forest
  const active = (i) => parent[i] < 0 || statusOf(i) === "active"
  let largestTeam = 0
  let moveSubject = -1
  let deepBuyerDistributor = -1
  for (let i = 0; i < n; i++) {
    if (teamSize[i] > teamSize[largestTeam]) largestTeam = i
    // Moved away and back again: its parent must be active to take it back.
    const movable = parent[i] >= 0 && active(parent[i])
    if (movable && (moveSubject < 0 || Math.abs(teamSize[i] - 9_999) < Math.abs(teamSize[moveSubject] - 9_999))) {
      moveSubject = i
    }
  }
  // Crediting pays three levels: the deepest distributor whose two uplines are active.
  for (let i = 0; i < n; i++) {
    const payable = depth[i] >= 2 && active(i) && active(parent[i]) && active(parent[parent[i]])
    if (payable && (deepBuyerDistributor < 0 || depth[i] > depth[deepBuyerDistributor])) deepBuyerDistributor = i
  }
  // Moved under a founder of another tree, so the move really changes the upline.
  let rootOfSubject = moveSubject
  while (parent[rootOfSubject] >= 0) rootOfSubject = parent[rootOfSubject]
  let moveTarget = -1
  for (let i = 1; i < n && moveTarget < 0; i++) {
    if (parent[i] < 0 && i !== rootOfSubject) moveTarget = i
  }
  return {
    largest_team: { id: distributorId(largestTeam), customer_id: customerId(largestTeam), team_size: teamSize[largestTeam], direct_count: directCount[largestTeam] },
    move: { id: distributorId(moveSubject), from_parent_id: distributorId(parent[moveSubject]), to_parent_id: distributorId(moveTarget), team_size: teamSize[moveSubject], depth: depth[moveSubject] },
    credit_referrer: { id: distributorId(deepBuyerDistributor), depth: depth[deepBuyerDistributor] },
    // A name, the part before the @ of one e-mail, a common surname (5% of everyone) and a code prefix.
    search_terms: ["zhang wei", emailOf(Math.floor(n / 3)).split("@")[0], "zhao", referralCode(Math.floor(n / 2)).slice(0, 4)],
  }
}

module.exports = { generate, subjects, CURRENCY }
