import { CustomerDTO, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { AuditActorType, DISTRIBUTION_MODULE } from "../../modules/distribution/constants"
import DistributionModuleService from "../../modules/distribution/service"
import { DistributionSettingsDTO, DistributorDTO } from "../../modules/distribution/types"
import { PRODUCTS } from "./catalog-data"
import {
  BUYERS,
  DEMO_PASSWORD,
  DEMO_SETTINGS,
  DISTRIBUTORS,
  DemoDistributor,
  DemoPerson,
  LEVELS,
} from "./programme-data"
import { newId } from "../../modules/distribution/utils/ids"

/**
 * The distribution programme of the demo: settings, levels, customers (three
 * with a storefront login), the distributor tree in every status, referral
 * bindings and visits. Each section finds what an earlier run made by its
 * natural key (level rank, customer email, distributor customer_id, binding
 * customer_id) and creates only what is missing. Later parts of the demo
 * (orders, commissions, withdrawals) come after seedProgramme.
 */
const distributionOf = (container: MedusaContainer) =>
  container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)

const displayName = (p: DemoPerson) => `${p.last_name}${p.first_name}`

const DAY = 24 * 3600 * 1000

/** A story date (days before the seed's first run) as a moment. */
const storyDate = (anchor: Date, days: number) => new Date(anchor.getTime() - days * DAY)

/**
 * The demo settings, applied once: only while the settings row has never been
 * edited, so changes made afterwards in the admin survive the next run.
 */
export async function seedProgrammeSettings(container: MedusaContainer) {
  const distribution = distributionOf(container)
  const current = await distribution.getSettings()
  const untouched = new Date(current.updated_at).getTime() === new Date(current.created_at).getTime()
  if (!untouched) {
    return { settings: current, created: 0 }
  }
  const settings = await distribution.updateSettings(DEMO_SETTINGS)
  return { settings, created: 1 }
}

/** Levels by rank; the rank-1 level becomes the default when there is none. */
export async function seedLevels(container: MedusaContainer) {
  const distribution = distributionOf(container)
  const levels = await distribution.listDistributionLevels({}, { take: null })
  let created = 0
  for (const level of LEVELS.filter((l) => !levels.some((e) => e.rank === l.rank))) {
    const { is_default: _isDefault, ...data } = level
    levels.push(await distribution.createDistributionLevels({ ...data, is_default: false }))
    created++
  }
  if (!levels.some((l) => l.is_default)) {
    const wanted = LEVELS.find((l) => l.is_default)!
    await distribution.setDefaultLevel(levels.find((l) => l.rank === wanted.rank)!.id)
  }
  return { levelByRank: new Map(levels.map((l) => [l.rank, l.id])), created }
}

/** Every distributor and buyer as a customer, by email. */
export async function seedCustomers(container: MedusaContainer) {
  const customerModule = container.resolve(Modules.CUSTOMER)
  const people: DemoPerson[] = [...DISTRIBUTORS, ...BUYERS]
  const customers = await customerModule.listCustomers(
    { email: people.map((p) => p.email) },
    { take: null }
  )
  const missing = people.filter((p) => !customers.some((c) => c.email === p.email))
  if (missing.length) {
    customers.push(
      ...(await customerModule.createCustomers(
        missing.map((p) => ({
          email: p.email,
          first_name: p.first_name,
          last_name: p.last_name,
          phone: p.phone,
          has_account: !!p.login,
        }))
      ))
    )
  }
  return {
    customerByEmail: new Map<string, CustomerDTO>(customers.map((c) => [c.email!, c])),
    created: missing.length,
  }
}

/**
 * Storefront logins (emailpass, DEMO_PASSWORD) for the people marked `login`,
 * each auth identity pointing at its customer the way registration does.
 */
export async function seedLogins(container: MedusaContainer, customerByEmail: Map<string, CustomerDTO>) {
  const authModule = container.resolve(Modules.AUTH)
  let created = 0
  for (const person of [...DISTRIBUTORS, ...BUYERS].filter((p) => p.login)) {
    const customer = customerByEmail.get(person.email)!
    const [identity] = await authModule.listProviderIdentities({
      entity_id: person.email,
      provider: "emailpass",
    })
    let authIdentityId = identity?.auth_identity_id
    if (!authIdentityId) {
      const { success, authIdentity, error } = await authModule.register("emailpass", {
        body: { email: person.email, password: DEMO_PASSWORD },
      })
      if (!success || !authIdentity) {
        throw new Error(`Could not create the login of ${person.email}: ${error}`)
      }
      authIdentityId = authIdentity.id
      created++
    }
    const authIdentity = await authModule.retrieveAuthIdentity(authIdentityId)
    if (authIdentity.app_metadata?.customer_id !== customer.id) {
      await authModule.updateAuthIdentities({
        id: authIdentityId,
        app_metadata: { ...(authIdentity.app_metadata ?? {}), customer_id: customer.id },
      })
    }
  }
  return { created }
}

/**
 * The tree, parents first. As in the real flow, an applicant recruited by a
 * distributor is first bound to it (an hour before applying), and that
 * binding's distributor becomes the parent. Applicants start pending (or active
 * when admitted); rejections and suspensions are then decided like an admin
 * would, so every status exists. dateProgramme dates them in the story.
 */
export async function seedDistributors(
  container: MedusaContainer,
  ctx: {
    settings: DistributionSettingsDTO
    levelByRank: Map<number, string>
    customerByEmail: Map<string, CustomerDTO>
    anchor: Date
  }
) {
  const distribution = distributionOf(container)
  const customerIds = DISTRIBUTORS.map((p) => ctx.customerByEmail.get(p.email)!.id)
  const existing = await distribution.listDistributors({ customer_id: customerIds }, { take: null })
  const byCustomer = new Map(existing.map((d) => [d.customer_id, d]))
  const bindings = await distribution.listReferralBindings({ customer_id: customerIds }, { take: null })
  const bound = new Set(bindings.map((b) => b.customer_id))
  const byEmail = new Map<string, DistributorDTO>()
  let created = 0
  let decided = 0
  let boundRecruits = 0

  for (const p of DISTRIBUTORS) {
    const customer = ctx.customerByEmail.get(p.email)!
    const parent = p.parent ? byEmail.get(p.parent)! : null
    if (parent && parent.status === "active" && !bound.has(customer.id)) {
      await distribution.bindCustomer({
        customer_id: customer.id,
        distributor_id: parent.id,
        source: "code",
        binding_mode: ctx.settings.binding_mode,
        binding_days: ctx.settings.binding_days,
        now: storyDate(ctx.anchor, p.applied + 1 / 24),
      })
      bound.add(customer.id)
      boundRecruits++
    }
    let distributor = byCustomer.get(customer.id)
    if (!distributor) {
      const admitted = p.status === "active" || p.status === "suspended"
      distributor = await distribution.createDistributor({
        customer_id: customer.id,
        email: p.email,
        display_name: displayName(p),
        parent_id: parent?.id ?? null,
        status: admitted ? "active" : "pending",
        application: { name: displayName(p), phone: p.phone, reason: p.reason },
        level_id: p.level ? ctx.levelByRank.get(p.level) ?? null : undefined,
      })
      created++
    }
    byEmail.set(p.email, distributor)
  }

  // Children were bound while their parents were still active; decide now.
  for (const p of DISTRIBUTORS) {
    const d = byEmail.get(p.email)!
    const action =
      p.status === "rejected" && d.status === "pending"
        ? "reject"
        : p.status === "suspended" && d.status === "active"
          ? "suspend"
          : null
    if (action) {
      const { distributor } = await distribution.transitionDistributor({
        id: d.id,
        action,
        reason: p.decision_reason ?? null,
        actor_id: null,
      })
      byEmail.set(p.email, distributor)
      decided++
    }
  }
  return { distributorByEmail: byEmail, created, decided, bound: boundRecruits }
}

/** Buyers bound to the distributors whose link, code or QR they came through, on the story's day. */
export async function seedBindings(
  container: MedusaContainer,
  ctx: {
    settings: DistributionSettingsDTO
    customerByEmail: Map<string, CustomerDTO>
    distributorByEmail: Map<string, DistributorDTO>
    anchor: Date
  }
) {
  const distribution = distributionOf(container)
  const buyers = BUYERS.filter((b) => b.referrer)
  const customerIds = buyers.map((b) => ctx.customerByEmail.get(b.email)!.id)
  const bindings = await distribution.listReferralBindings({ customer_id: customerIds }, { take: null })
  let created = 0
  for (const buyer of buyers) {
    const customer = ctx.customerByEmail.get(buyer.email)!
    const referrer = ctx.distributorByEmail.get(buyer.referrer!)!
    if (bindings.some((b) => b.customer_id === customer.id) || referrer.status !== "active") {
      continue
    }
    await distribution.bindCustomer({
      customer_id: customer.id,
      distributor_id: referrer.id,
      source: buyer.source,
      binding_mode: ctx.settings.binding_mode,
      binding_days: ctx.settings.binding_days,
      now: storyDate(ctx.anchor, buyer.bound!),
    })
    created++
  }
  return { created }
}

/**
 * When the demo was first seeded: when its customers were made, read back from
 * the data. The seed never re-dates them, so this is the same on every later
 * run, and every story date (applications, bindings, visits, orders) counts back
 * from it.
 */
export function programmeSeededAt(customerByEmail: Map<string, CustomerDTO>) {
  const people = [...DISTRIBUTORS, ...BUYERS].map((p) => customerByEmail.get(p.email)!)
  return new Date(Math.min(...people.map((c) => new Date(c.created_at).getTime())))
}

/** The audit rows the programme's workflows write for what happened to `p`, on the story's dates. */
function auditTrail(p: DemoDistributor, d: DistributorDTO, anchor: Date) {
  const admin = (action: string, from: string, to: string, days: number, reason: string | null = null) => ({
    actor_type: AuditActorType.ADMIN,
    actor_id: "demo-seed",
    action,
    data: { from, to, reason },
    at: storyDate(anchor, days),
  })
  const admitted = p.status === "active" || p.status === "suspended"
  return [
    {
      actor_type: AuditActorType.CUSTOMER,
      actor_id: d.customer_id,
      action: "distributor.apply",
      data: { status: "pending", parent_id: d.parent_id },
      at: storyDate(anchor, p.applied),
    },
    ...(admitted ? [admin("distributor.approve", "pending", "active", p.reviewed!)] : []),
    ...(p.status === "rejected" ? [admin("distributor.reject", "pending", "rejected", p.reviewed!, p.decision_reason)] : []),
    ...(p.status === "suspended" ? [admin("distributor.suspend", "active", "suspended", p.suspended!, p.decision_reason)] : []),
  ].map(({ at, ...entry }) => ({
    id: newId("daud"),
    ...entry,
    entity_type: "distributor",
    entity_id: d.id,
    created_at: at,
    updated_at: at,
  }))
}

/**
 * The programme's records dated back to the story (programme-data.ts): each
 * distributor's application, approval or rejection and suspension, with the
 * audit rows the admin's decisions would have left, and the bindings' rows. The
 * seed takes its shortcuts through the module's service, which stamps the
 * moment of the run and writes no audit; only rows a run made after the anchor
 * are dated, in one transaction, so a second run changes nothing and a
 * decision an admin takes later keeps its own date.
 */
export async function dateProgramme(
  container: MedusaContainer,
  ctx: { anchor: Date; customerByEmail: Map<string, CustomerDTO>; distributorByEmail: Map<string, DistributorDTO> }
) {
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const seeded = DISTRIBUTORS.map((p) => ({ p, d: ctx.distributorByEmail.get(p.email)! }))
  const customerIds = [...DISTRIBUTORS, ...BUYERS].map((p) => ctx.customerByEmail.get(p.email)!.id)
  return await pg.transaction(async (trx) => {
    const undated = new Set(
      (
        await trx("distribution_distributor")
          .whereIn("id", seeded.map(({ d }) => d.id))
          .andWhere("created_at", ">", ctx.anchor)
          .select("id")
      ).map((r: { id: string }) => r.id)
    )
    const toDate = seeded.filter(({ d }) => undated.has(d.id))
    for (const { p, d } of toDate) {
      const reviewed = p.reviewed === undefined ? null : storyDate(ctx.anchor, p.reviewed)
      const admitted = p.status === "active" || p.status === "suspended"
      await trx("distribution_distributor")
        .where("id", d.id)
        .update({
          created_at: storyDate(ctx.anchor, p.applied),
          reviewed_at: reviewed,
          activated_at: admitted ? reviewed : null,
          updated_at: storyDate(ctx.anchor, Math.min(p.applied, p.reviewed ?? p.applied, p.suspended ?? p.applied)),
        })
    }
    if (toDate.length) {
      await trx("distribution_audit_log").insert(toDate.flatMap(({ p, d }) => auditTrail(p, d, ctx.anchor)))
    }
    await trx("distribution_referral_binding")
      .whereIn("customer_id", customerIds)
      .andWhere("created_at", ">", ctx.anchor)
      .update({ created_at: trx.ref("bound_at"), updated_at: trx.ref("bound_at") })
    return { dated: toDate.length }
  })
}

/**
 * Visits through the admitted distributors' links over the four weeks before the
 * programme was seeded (one visitor a day each). A distributor that already has
 * its visits gets none; one that has fewer (an interrupted run) gets the missing
 * ones, the daily uniqueness of (distributor, visitor, day) skipping the rest.
 */
export async function seedVisits(
  container: MedusaContainer,
  ctx: { distributorByEmail: Map<string, DistributorDTO>; anchor: Date }
) {
  const distribution = distributionOf(container)
  const { anchor } = ctx
  let created = 0
  let n = 0
  for (const p of DISTRIBUTORS) {
    const d = ctx.distributorByEmail.get(p.email)!
    if (!p.visits) {
      continue
    }
    const [, count] = await distribution.listAndCountDistributionVisits(
      { distributor_id: d.id },
      { take: 1 }
    )
    if (count >= p.visits) {
      n += p.visits
      continue
    }
    for (let i = 0; i < p.visits; i++, n++) {
      const inserted = await distribution.recordVisit({
        distributor_id: d.id,
        visitor_key: distribution.visitorKey(`seed-visitor-${p.email}-${i}`),
        source: (["link", "qr", "code"] as const)[i % 3],
        landing_path: `/products/${PRODUCTS[n % PRODUCTS.length].handle}`,
        now: new Date(anchor.getTime() - (i % 28) * DAY - (i % 7) * 3600 * 1000),
      })
      created += inserted ? 1 : 0
    }
  }
  return { created }
}

/** Every programme section, in order. */
export async function seedProgramme(container: MedusaContainer) {
  const { settings, created: settingsApplied } = await seedProgrammeSettings(container)
  const { levelByRank, created: levels } = await seedLevels(container)
  const { customerByEmail, created: customers } = await seedCustomers(container)
  const { created: logins } = await seedLogins(container, customerByEmail)
  const anchor = programmeSeededAt(customerByEmail)
  const {
    distributorByEmail,
    created: distributors,
    decided,
    bound,
  } = await seedDistributors(container, { settings, levelByRank, customerByEmail, anchor })
  const { created: bindings } = await seedBindings(container, {
    settings,
    customerByEmail,
    distributorByEmail,
    anchor,
  })
  await dateProgramme(container, { anchor, customerByEmail, distributorByEmail })
  const { created: visits } = await seedVisits(container, { distributorByEmail, anchor })
  return {
    anchor,
    settings,
    customerByEmail,
    distributorByEmail,
    created: { settings: settingsApplied, levels, customers, logins, distributors, decisions: decided, bindings: bound + bindings, visits },
  }
}
