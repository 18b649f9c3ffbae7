/**
 * Stored deploy policies: one per team (service_id null) and optional per-service overrides.
 *
 * Services inherit their team's policy field by field: an override stores only the fields it
 * sets (a `checks` override only the checks it sets), so a later change to the team's holidays
 * reaches every service that did not override holidays. With nothing stored, a team's policy is
 * DEFAULT_DEPLOY_POLICY in the team's zone. Every save validates the policy that results, and a
 * team change that would leave one of its overrides without any deploy time is refused.
 */
import { validationError, type FieldError } from '../../lib/errors.js'
import { newId } from '../../lib/ids.js'
import type { Instant } from '../../lib/time/index.js'
import type { Db } from '../../storage/index.js'
import { recordAudit } from '../audit/index.js'
import type { CommandCtx } from '../command.js'
import { parseHolidayCalendar } from './holiday-calendar.js'
import type { DeployPolicy, GateChecks } from './model.js'
import { DEFAULT_DEPLOY_POLICY, validateDeployPolicy, type DeployPolicyInput, type WeeklyHoursInput } from './policy.js'

/** The fields a service sets over its team's policy; absent fields are inherited. */
export interface DeployPolicyOverride {
  readonly timeZone?: string | undefined
  readonly windows?: readonly WeeklyHoursInput[] | undefined
  readonly supportTailMinutes?: number | undefined
  readonly staffedHours?: WeeklyHoursInput | undefined
  readonly holidays?: readonly string[] | undefined
  readonly checks?: Partial<GateChecks> | undefined
}

/** A team's policy as the API shows it: the policy and whether it is still the default. */
export interface TeamDeployPolicy {
  readonly teamId: string
  readonly policy: DeployPolicy
  readonly isDefault: boolean
  readonly updatedAt: Instant | null
}

/** A service's policy: the team's, its own override (if any), and the result. */
export interface ServiceDeployPolicy {
  readonly serviceId: string
  readonly teamId: string
  readonly source: 'default' | 'team' | 'service'
  readonly override: DeployPolicyOverride | null
  readonly policy: DeployPolicy
  readonly updatedAt: Instant | null
}

interface TeamRef {
  readonly id: string
  readonly timeZone: string
}
interface ServiceRef {
  readonly id: string
  readonly name?: string
  readonly teamId: string
}

async function policyRow(db: Db, teamId: string, serviceId: string | null) {
  let q = db.selectFrom('deploy_policies').selectAll().where('team_id', '=', teamId).orderBy('updated_at', 'desc').limit(1)
  q = serviceId === null ? q.where('service_id', 'is', null) : q.where('service_id', '=', serviceId)
  return q.executeTakeFirst()
}

/** A stored policy that no longer validates (e.g. a zone removed from tzdata) is reported, not used silently. */
function parseStored(json: string, fallbackZone: string): DeployPolicy {
  const stored = JSON.parse(json) as DeployPolicyInput
  const checked = validateDeployPolicy({ ...stored, timeZone: stored.timeZone ?? fallbackZone })
  if (!checked.ok) throw new Error(`stored deploy policy is invalid: ${checked.errors.map((e) => `${e.field}: ${e.reason}`).join('; ')}`)
  return checked.value
}

/** The team's policy, or the default in the team's zone when none is stored. */
export async function loadTeamPolicy(db: Db, team: TeamRef): Promise<TeamDeployPolicy> {
  const row = await policyRow(db, team.id, null)
  if (row === undefined) return { teamId: team.id, policy: DEFAULT_DEPLOY_POLICY(team.timeZone), isDefault: true, updatedAt: null }
  return { teamId: team.id, policy: parseStored(row.policy_json, team.timeZone), isDefault: false, updatedAt: row.updated_at }
}

/** Lays an override over a team policy, field by field (checks key by key). */
export function mergeOverride(team: DeployPolicy, o: DeployPolicyOverride): DeployPolicyInput {
  return {
    timeZone: o.timeZone ?? team.timeZone,
    windows: o.windows ?? team.windows,
    supportTailMinutes: o.supportTailMinutes ?? team.supportTailMinutes,
    staffedHours: o.staffedHours ?? team.staffedHours,
    holidays: o.holidays ?? team.holidays,
    checks: { ...team.checks, ...(o.checks ?? {}) },
  }
}

function validateMerged(team: DeployPolicy, o: DeployPolicyOverride, prefix = ''): { policy: DeployPolicy | null; errors: FieldError[] } {
  const checked = validateDeployPolicy(mergeOverride(team, o))
  if (checked.ok) return { policy: checked.value, errors: [] }
  return { policy: null, errors: checked.errors.map((e) => ({ field: `${prefix}${e.field}`, reason: e.reason })) }
}

/** Keeps only the fields an override actually sets (undefined ones are dropped before storing). */
function compactOverride(o: DeployPolicyOverride): DeployPolicyOverride {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as DeployPolicyOverride
}

/** The policy that governs a service: its override over its team's policy, or the team's. */
export async function effectiveServicePolicy(db: Db, service: ServiceRef, team: TeamRef): Promise<ServiceDeployPolicy> {
  const teamPolicy = await loadTeamPolicy(db, team)
  const row = await policyRow(db, team.id, service.id)
  if (row === undefined) {
    return { serviceId: service.id, teamId: team.id, source: teamPolicy.isDefault ? 'default' : 'team', override: null, policy: teamPolicy.policy, updatedAt: teamPolicy.updatedAt }
  }
  const override = JSON.parse(row.policy_json) as DeployPolicyOverride
  const merged = validateMerged(teamPolicy.policy, override)
  if (merged.policy === null) throw new Error(`stored deploy policy override of service ${service.id} is invalid: ${merged.errors.map((e) => `${e.field}: ${e.reason}`).join('; ')}`)
  return { serviceId: service.id, teamId: team.id, source: 'service', override, policy: merged.policy, updatedAt: row.updated_at }
}

/** Every service override of a team, by service id. */
export async function listServiceOverrides(db: Db, teamId: string): Promise<Map<string, DeployPolicyOverride>> {
  const rows = await db.selectFrom('deploy_policies').select(['service_id', 'policy_json']).where('team_id', '=', teamId).where('service_id', 'is not', null).execute()
  return new Map(rows.map((r) => [r.service_id as string, JSON.parse(r.policy_json) as DeployPolicyOverride]))
}

async function upsert(ctx: CommandCtx, teamId: string, serviceId: string | null, json: string): Promise<void> {
  const existing = await policyRow(ctx.db, teamId, serviceId)
  if (existing === undefined) {
    await ctx.db.insertInto('deploy_policies').values({ id: newId(), team_id: teamId, service_id: serviceId, policy_json: json, created_at: ctx.now, updated_at: ctx.now }).execute()
  } else {
    await ctx.db.updateTable('deploy_policies').set({ policy_json: json, updated_at: ctx.now }).where('id', '=', existing.id).execute()
  }
}

/**
 * Replaces a team's policy (fields left out take the defaults, the zone the team's). Refused with
 * every field error, including `services.<name>.<field>` for overrides the change would break.
 */
export async function setTeamPolicy(ctx: CommandCtx, team: TeamRef, input: Omit<DeployPolicyInput, 'timeZone'> & { timeZone?: string | undefined }): Promise<TeamDeployPolicy> {
  const before = await loadTeamPolicy(ctx.db, team)
  const checked = validateDeployPolicy({ ...input, timeZone: input.timeZone ?? team.timeZone })
  if (!checked.ok) throw validationError(checked.errors)
  const overrides = await listServiceOverrides(ctx.db, team.id)
  const errors: FieldError[] = []
  if (overrides.size > 0) {
    const names = new Map((await ctx.db.selectFrom('services').select(['id', 'name']).where('id', 'in', [...overrides.keys()]).execute()).map((r) => [r.id, r.name]))
    for (const [serviceId, o] of overrides) errors.push(...validateMerged(checked.value, o, `services.${names.get(serviceId) ?? serviceId}.`).errors)
  }
  if (errors.length > 0) throw validationError(errors, `This policy would break service overrides: ${errors.map((e) => `${e.field}: ${e.reason}`).join('; ')}`)
  await upsert(ctx, team.id, null, JSON.stringify(checked.value))
  const after = await loadTeamPolicy(ctx.db, team)
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'deploy_policy.update', entityType: 'team', entityId: team.id, teamId: team.id, before: before.policy, after: after.policy })
  return after
}

/** Forgets a team's policy: the default applies again (service overrides stay, over the default). */
export async function resetTeamPolicy(ctx: CommandCtx, team: TeamRef): Promise<TeamDeployPolicy> {
  const before = await loadTeamPolicy(ctx.db, team)
  const fallback = DEFAULT_DEPLOY_POLICY(team.timeZone)
  const errors: FieldError[] = []
  for (const [serviceId, o] of await listServiceOverrides(ctx.db, team.id)) errors.push(...validateMerged(fallback, o, `services.${serviceId}.`).errors)
  if (errors.length > 0) throw validationError(errors, 'The default policy would break service overrides; change or remove them first')
  await ctx.db.deleteFrom('deploy_policies').where('team_id', '=', team.id).where('service_id', 'is', null).execute()
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'deploy_policy.reset', entityType: 'team', entityId: team.id, teamId: team.id, before: before.policy })
  return loadTeamPolicy(ctx.db, team)
}

/** Sets a service's override (only the fields given); the merged policy must validate. */
export async function setServicePolicy(ctx: CommandCtx, service: ServiceRef, team: TeamRef, override: DeployPolicyOverride): Promise<ServiceDeployPolicy> {
  const before = await effectiveServicePolicy(ctx.db, service, team)
  const teamPolicy = await loadTeamPolicy(ctx.db, team)
  const compact = compactOverride({ ...override, ...(override.checks === undefined ? {} : { checks: compactOverride(override.checks as DeployPolicyOverride) as Partial<GateChecks> }) })
  const merged = validateMerged(teamPolicy.policy, compact)
  if (merged.policy === null) throw validationError(merged.errors)
  await upsert(ctx, team.id, service.id, JSON.stringify(compact))
  const after = await effectiveServicePolicy(ctx.db, service, team)
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'deploy_policy.service.update', entityType: 'service', entityId: service.id, teamId: team.id, before: before.override, after: after.override })
  return after
}

/** Removes a service's override: it inherits its team's policy again. */
export async function clearServicePolicy(ctx: CommandCtx, service: ServiceRef, team: TeamRef): Promise<ServiceDeployPolicy> {
  const before = await effectiveServicePolicy(ctx.db, service, team)
  await ctx.db.deleteFrom('deploy_policies').where('team_id', '=', team.id).where('service_id', '=', service.id).execute()
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'deploy_policy.service.clear', entityType: 'service', entityId: service.id, teamId: team.id, before: before.override })
  return effectiveServicePolicy(ctx.db, service, team)
}

/** What importing a holiday calendar did. */
export interface HolidayImport {
  readonly policy: TeamDeployPolicy
  /** Dates that were not holidays before. */
  readonly added: readonly string[]
  /** One message per event that could not be read ("line 12: …"); the rest were imported. */
  readonly problems: readonly string[]
}

/**
 * Imports holidays from an iCalendar file body into the team's policy (merged with the holidays
 * already there, or replacing them). A file with no readable date at all is a validation error.
 */
export async function importTeamHolidays(ctx: CommandCtx, team: TeamRef, ics: string, mode: 'merge' | 'replace'): Promise<HolidayImport> {
  const current = await loadTeamPolicy(ctx.db, team)
  const parsed = parseHolidayCalendar(ics, { timeZone: current.policy.timeZone })
  if (parsed.dates.length === 0) {
    const reason = parsed.errors.length > 0 ? parsed.errors.slice(0, 5).join('; ') : 'the calendar has no events'
    throw validationError([{ field: 'ics', reason: `no holiday could be read: ${reason}` }])
  }
  const known = new Set<string>(current.policy.holidays)
  const holidays = mode === 'replace' ? parsed.dates : [...new Set<string>([...current.policy.holidays, ...parsed.dates])].sort()
  const policy = await setTeamPolicy(ctx, team, { ...current.policy, holidays })
  return { policy, added: parsed.dates.filter((d) => !known.has(d)), problems: parsed.errors }
}
