import { conflict, FieldErrors, notFound } from '../../lib/errors.js'
import { newId } from '../../lib/ids.js'
import type { Instant } from '../../lib/time/index.js'
import type { Db, ServicesTable } from '../../storage/index.js'
import { deleteAlertsOfServices } from '../alerts/index.js'
import { recordAudit } from '../audit/index.js'
import type { CommandCtx } from '../command.js'
import { findCycle, type DependencyEdge } from './graph.js'

export interface Service {
  readonly id: string
  readonly name: string
  readonly teamId: string
  readonly description: string
  /** Ids of the services this one depends on. */
  readonly dependsOn: readonly string[]
  /** Who is paged for its alerts; null = the owning team's schedules, all at once. */
  readonly escalationPolicyId: string | null
  /** Maps an event's severity to the alert's urgency. */
  readonly urgencyRule: UrgencyRule
  /** Resolve alerts silent for this long; null = never (the default). */
  readonly autoResolveMinutes: number | null
  readonly isDemo: boolean
  readonly createdAt: Instant
  readonly updatedAt: Instant
}

/** Event severities, as in PagerDuty's Events API v2. */
export type Severity = 'critical' | 'error' | 'warning' | 'info'
export const SEVERITIES: readonly Severity[] = ['critical', 'error', 'warning', 'info']

export type UrgencyRule = Readonly<Record<Severity, 'high' | 'low'>>

/** Critical and error page now; warning and info wait for working hours. */
export const DEFAULT_URGENCY_RULE: UrgencyRule = Object.freeze({ critical: 'high', error: 'high', warning: 'low', info: 'low' })

export interface ServiceInput {
  readonly name?: string | undefined
  readonly teamId?: string | undefined
  readonly description?: string | undefined
  readonly dependsOn?: readonly string[] | undefined
  readonly escalationPolicyId?: string | null | undefined
  readonly urgencyRule?: Partial<Record<string, string>> | undefined
  readonly autoResolveMinutes?: number | null | undefined
}

export async function listDependencyEdges(db: Db): Promise<DependencyEdge[]> {
  const rows = await db.selectFrom('service_dependencies').select(['service_id', 'depends_on_id']).execute()
  return rows.map((r) => ({ serviceId: r.service_id, dependsOnId: r.depends_on_id }))
}

function fromRow(r: ServicesTable, edges: readonly DependencyEdge[]): Service {
  return {
    id: r.id,
    name: r.name,
    teamId: r.team_id,
    description: r.description,
    dependsOn: edges.filter((e) => e.serviceId === r.id).map((e) => e.dependsOnId),
    escalationPolicyId: r.escalation_policy_id,
    urgencyRule: { ...DEFAULT_URGENCY_RULE, ...(JSON.parse(r.urgency_rule_json) as Partial<UrgencyRule>) },
    autoResolveMinutes: r.auto_resolve_minutes,
    isDemo: r.is_demo === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

/** Finds a service by id or by name. */
export async function findService(db: Db, ref: string): Promise<Service | null> {
  // One statement with its dependencies (one row per edge): the engine and the outbox look
  // services up for every page, and on PostgreSQL each statement is a round trip.
  const rows = await db
    .selectFrom('services')
    .leftJoin('service_dependencies', 'service_dependencies.service_id', 'services.id')
    .selectAll('services')
    .select('service_dependencies.depends_on_id')
    .where((eb) => eb.or([eb('services.id', '=', ref), eb('services.name', '=', ref)]))
    .execute()
  // A reference that is one service's id and another's name means the id.
  const first = rows.find((r) => r.id === ref) ?? rows[0]
  if (first === undefined) return null
  const { depends_on_id: _, ...row } = first
  const edges = rows.filter((r) => r.id === row.id && r.depends_on_id !== null).map((r) => ({ serviceId: row.id, dependsOnId: r.depends_on_id as string }))
  return fromRow(row, edges)
}

export async function getService(db: Db, ref: string): Promise<Service> {
  const service = await findService(db, ref)
  if (service === null) throw notFound('service', ref)
  return service
}

export async function listServices(db: Db, filter: { teamId?: string | undefined } = {}): Promise<Service[]> {
  let q = db.selectFrom('services').selectAll().orderBy('name')
  if (filter.teamId !== undefined) q = q.where('team_id', '=', filter.teamId)
  const [rows, edges] = await Promise.all([q.execute(), listDependencyEdges(db)])
  return rows.map((r) => fromRow(r, edges))
}

interface NormalizedService {
  name: string
  teamId: string
  description: string
  dependsOn: string[]
  escalationPolicyId: string | null
  urgencyRule: UrgencyRule
  autoResolveMinutes: number | null
}

async function normalizeService(db: Db, input: ServiceInput, selfId: string | null): Promise<NormalizedService> {
  const errors = new FieldErrors()
  const name = (input.name ?? '').trim()
  if (name === '') errors.add('name', 'must not be empty')
  else if (name.length > 100) errors.add('name', 'must be at most 100 characters')
  else {
    const taken = await db.selectFrom('services').select('id').where('name', '=', name).executeTakeFirst()
    if (taken !== undefined && taken.id !== selfId) errors.add('name', `a service named ${JSON.stringify(name)} already exists`)
  }
  const teamId = input.teamId ?? ''
  const team = teamId === '' ? undefined : await db.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst()
  if (team === undefined) errors.add('teamId', teamId === '' ? 'is required: every service is owned by a team' : `team ${teamId} does not exist`)
  const description = (input.description ?? '').trim()
  if (description.length > 2000) errors.add('description', 'must be at most 2000 characters')
  const dependsOn = [...new Set(input.dependsOn ?? [])]
  if (dependsOn.length > 0) {
    const found = await db.selectFrom('services').select('id').where('id', 'in', dependsOn).execute()
    const known = new Set(found.map((r) => r.id))
    dependsOn.forEach((id, i) => {
      if (id === selfId) errors.add(`dependsOn[${i}]`, 'a service cannot depend on itself')
      else if (!known.has(id)) errors.add(`dependsOn[${i}]`, `service ${id} does not exist`)
    })
  }
  const escalationPolicyId = input.escalationPolicyId ?? null
  if (escalationPolicyId !== null && (await db.selectFrom('escalation_policies').select('id').where('id', '=', escalationPolicyId).executeTakeFirst()) === undefined) {
    errors.add('escalationPolicyId', `escalation policy ${escalationPolicyId} does not exist`)
  }
  const urgencyRule = { ...DEFAULT_URGENCY_RULE }
  for (const [severity, urgency] of Object.entries(input.urgencyRule ?? {})) {
    if (!SEVERITIES.includes(severity as Severity)) errors.add(`urgencyRule.${severity}`, `unknown severity (use ${SEVERITIES.join(', ')})`)
    else if (urgency !== 'high' && urgency !== 'low') errors.add(`urgencyRule.${severity}`, `must be high or low, got ${JSON.stringify(urgency)}`)
    else urgencyRule[severity as Severity] = urgency
  }
  const autoResolveMinutes = input.autoResolveMinutes ?? null
  if (autoResolveMinutes !== null && (!Number.isInteger(autoResolveMinutes) || autoResolveMinutes < 1 || autoResolveMinutes > 43_200)) {
    errors.add('autoResolveMinutes', 'must be a whole number of minutes from 1 to 43200 (30 days), or null for never')
  }
  errors.throwIfAny()
  return { name, teamId, description, dependsOn, escalationPolicyId, urgencyRule, autoResolveMinutes }
}

function serviceColumns(s: NormalizedService) {
  return {
    name: s.name,
    team_id: s.teamId,
    description: s.description,
    escalation_policy_id: s.escalationPolicyId,
    urgency_rule_json: JSON.stringify(s.urgencyRule),
    auto_resolve_minutes: s.autoResolveMinutes,
  }
}

/** Replaces a service's outgoing edges, rejecting any change that would close a cycle. */
async function saveDependencies(db: Db, serviceId: string, dependsOn: readonly string[]): Promise<void> {
  const others = (await listDependencyEdges(db)).filter((e) => e.serviceId !== serviceId)
  const proposed = [...others, ...dependsOn.map((d) => ({ serviceId, dependsOnId: d }))]
  const found = findCycle(proposed)
  if (found !== null) {
    // Start the story at the service being changed: "db → web → api → db".
    const at = found.indexOf(serviceId)
    const cycle = at <= 0 ? found : [...found.slice(at, -1), ...found.slice(0, at), serviceId]
    const names = await db.selectFrom('services').select(['id', 'name']).where('id', 'in', cycle).execute()
    const label = (id: string) => names.find((n) => n.id === id)?.name ?? id
    const errors = new FieldErrors()
    errors.add('dependsOn', `would create a dependency cycle: ${cycle.map(label).join(' → ')}`)
    errors.throwIfAny()
  }
  await db.deleteFrom('service_dependencies').where('service_id', '=', serviceId).execute()
  if (dependsOn.length > 0) {
    await db.insertInto('service_dependencies').values(dependsOn.map((d) => ({ service_id: serviceId, depends_on_id: d }))).execute()
  }
}

export async function createService(ctx: CommandCtx, input: ServiceInput & { isDemo?: boolean }): Promise<Service> {
  const s = await normalizeService(ctx.db, input, null)
  const id = newId()
  await ctx.db
    .insertInto('services')
    .values({ id, ...serviceColumns(s), is_demo: input.isDemo === true ? 1 : 0, created_at: ctx.now, updated_at: ctx.now })
    .execute()
  await saveDependencies(ctx.db, id, s.dependsOn)
  const service = await getService(ctx.db, id)
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'service.create', entityType: 'service', entityId: id, teamId: s.teamId, after: service })
  return service
}

export async function updateService(ctx: CommandCtx, id: string, patch: ServiceInput): Promise<Service> {
  const before = await getService(ctx.db, id)
  const s = await normalizeService(
    ctx.db,
    {
      name: patch.name ?? before.name,
      teamId: patch.teamId ?? before.teamId,
      description: patch.description ?? before.description,
      dependsOn: patch.dependsOn ?? before.dependsOn,
      escalationPolicyId: patch.escalationPolicyId === undefined ? before.escalationPolicyId : patch.escalationPolicyId,
      urgencyRule: { ...before.urgencyRule, ...(patch.urgencyRule ?? {}) },
      autoResolveMinutes: patch.autoResolveMinutes === undefined ? before.autoResolveMinutes : patch.autoResolveMinutes,
    },
    id,
  )
  await ctx.db.updateTable('services').set({ ...serviceColumns(s), updated_at: ctx.now }).where('id', '=', id).execute()
  await saveDependencies(ctx.db, id, s.dependsOn)
  const after = await getService(ctx.db, id)
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'service.update', entityType: 'service', entityId: id, teamId: s.teamId, before, after })
  return after
}

/** Deletes a service nothing depends on (its dependents would lose their blast-radius link silently). */
export async function deleteService(ctx: CommandCtx, id: string): Promise<void> {
  const before = await getService(ctx.db, id)
  const dependent = await ctx.db
    .selectFrom('service_dependencies')
    .innerJoin('services', 'services.id', 'service_dependencies.service_id')
    .select('services.name')
    .where('service_dependencies.depends_on_id', '=', id)
    .executeTakeFirst()
  if (dependent !== undefined) throw conflict(`service ${dependent.name} depends on ${before.name}; remove that dependency first`)
  await deleteAlertsOfServices(ctx.db, [id])
  await ctx.db.deleteFrom('services').where('id', '=', id).execute()
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'service.delete', entityType: 'service', entityId: id, teamId: before.teamId, before })
}

/**
 * The service that holds a team's direct pages (a support engineer paging the team or one of
 * its people): created on first use, owned by the team, with no escalation policy of its own.
 */
export async function ensureDirectPagesService(ctx: CommandCtx, teamId: string, teamName: string): Promise<Service> {
  const name = `${teamName} — direct pages`
  const existing = await findService(ctx.db, name)
  if (existing !== null) return existing
  return createService(ctx, { name, teamId, description: 'Alerts raised directly on this team or its people, not by monitoring.' })
}
