/**
 * "During an incident, change first": the recent changes to the affected services, newest first,
 * each with its way back. The affected services are the given ones, everything they depend on
 * (transitively: a change to the database breaks the checkout that uses it) and their direct
 * dependents (a new client release can overload the service it calls); each change says which.
 * Three sources: recorded deployments (and rollbacks), change requests that started or finished
 * without a recorded deployment, and change events received from other tools (PagerDuty change
 * events on /v2/change/enqueue).
 */
import { sql } from 'kysely'
import { HOUR_MS, MINUTE_MS, type Instant } from '../../lib/time/index.js'
import type { Db } from '../../storage/index.js'
import { dependentsOf, listDependencyEdges, listServices, type DependencyEdge } from '../services/index.js'
import { listDeployments, previousVersion, type Deployment } from './deployments.js'
import type { RollbackPlan } from './model.js'
import { findChange, listChanges, type ChangeRequest } from './store.js'

/** How recent "recent" is for the incident view: the last 24 hours. */
export const RECENT_CHANGES_WINDOW_MS = 24 * HOUR_MS
/** Changes within this long before now are flagged: most deploy problems show up within the support tail. */
export const LIKELY_CAUSE_MS = 3 * HOUR_MS

/**
 * Whether any of the three sources may hold a change in [from, end] for these services (change
 * requests are matched by time only: which services they touch is read with them).
 */
async function anyChangeIn(db: Db, serviceIds: readonly string[], from: Instant, end: Instant): Promise<boolean> {
  const ids = sql.join([...serviceIds])
  const { rows } = await sql<{ found: number }>`
    select 1 as found from deployments where service_id in (${ids}) and started_at >= ${from} and started_at <= ${end}
    union all
    select 1 from change_requests where (planned_at >= ${from} and planned_at <= ${end}) or (started_at >= ${from} and started_at <= ${end}) or (finished_at >= ${from} and finished_at <= ${end})
    union all
    select 1 from service_changes where service_id in (${ids}) and at >= ${from} and at <= ${end}
    limit 1`.execute(db)
  return rows.length > 0
}

/** Where the changed service sits relative to the affected one. */
export type ChangeRelation = 'self' | 'dependency' | 'dependent'

export interface RecentChange {
  readonly kind: 'deployment' | 'rollback' | 'change_request' | 'change_event'
  readonly id: string
  readonly at: Instant
  readonly serviceId: string
  readonly serviceName: string
  readonly relation: ChangeRelation
  /** One line: "checkout-api v1.43.0 deployed by ana@example.com". */
  readonly summary: string
  readonly version: string | null
  readonly actor: string | null
  readonly status: string | null
  readonly changeRequest: { readonly id: string; readonly key: string; readonly title: string; readonly state: string; readonly worstCase: string } | null
  /** The way back: the change request's plan, or a redeploy of the previous version. */
  readonly rollbackPlan: (RollbackPlan & { readonly source: 'change-request' | 'previous-version' }) | null
  /** Happened within the last 3 hours: a likely cause. */
  readonly within3h: boolean
  readonly ageMinutes: number
}

/** The related services with their relation; the given ones win over dependencies, which win over dependents. */
function relatedServices(edges: readonly DependencyEdge[], serviceIds: readonly string[]): Map<string, ChangeRelation> {
  const related = new Map<string, ChangeRelation>()
  for (const [id, distance] of dependentsOf(edges, serviceIds)) if (distance === 1) related.set(id, 'dependent')
  // Dependencies of X are the services X reaches along its edges: the dependents in the reversed graph.
  const reversed = edges.map((e) => ({ serviceId: e.dependsOnId, dependsOnId: e.serviceId }))
  for (const id of dependentsOf(reversed, serviceIds).keys()) related.set(id, 'dependency')
  for (const id of serviceIds) related.set(id, 'self')
  return related
}

function planOf(change: ChangeRequest | undefined): RecentChange['rollbackPlan'] {
  return change === undefined ? null : { ...change.rollbackPlan, source: 'change-request' }
}

function crRef(change: ChangeRequest | undefined): RecentChange['changeRequest'] {
  return change === undefined ? null : { id: change.id, key: change.key, title: change.title, state: change.state, worstCase: change.worstCase }
}

const ageMinutes = (now: Instant, at: Instant) => Math.max(0, Math.floor((now - at) / MINUTE_MS))
const isLikelyCause = (now: Instant, at: Instant) => at <= now && now - at <= LIKELY_CAUSE_MS

async function deploymentChange(db: Db, d: Deployment, names: ReadonlyMap<string, string>, relation: ChangeRelation, change: ChangeRequest | undefined, now: Instant): Promise<RecentChange> {
  const name = names.get(d.serviceId) ?? d.serviceId
  let plan = planOf(change)
  if (plan === null && d.kind === 'deploy') {
    const previous = await previousVersion(db, d.serviceId, d)
    if (previous !== null) plan = { steps: [`redeploy the previous version (${previous}) of ${name}`], estimatedMinutes: 0, tested: false, testedHow: '', source: 'previous-version' }
  }
  const verb = d.kind === 'rollback' ? 'rolled back to' : 'deployed'
  return {
    kind: d.kind === 'rollback' ? 'rollback' : 'deployment',
    id: d.id,
    at: d.startedAt,
    serviceId: d.serviceId,
    serviceName: name,
    relation,
    summary: `${name} ${verb} ${d.version} by ${d.actor}${change === undefined ? '' : ` (${change.key} "${change.title}")`}`,
    version: d.version,
    actor: d.actor,
    status: d.status,
    changeRequest: crRef(change),
    rollbackPlan: d.kind === 'rollback' ? null : plan,
    within3h: isLikelyCause(now, d.startedAt),
    ageMinutes: ageMinutes(now, d.startedAt),
  }
}

/**
 * Lists the changes to `serviceIds`, their dependencies and direct dependents in
 * [now − windowMs, until] (until defaults to now), newest first, each flagged `within3h` of `now`.
 * An alert's view passes its creation time as `now` and the current time as `until`, so the
 * flags describe the alert while later changes (a rollback already under way) still show.
 * `edges`: the dependency graph, when the caller has it already (the engine keeps it).
 * @example recentChanges(db, [alert.serviceId], now) // [{ kind: 'deployment', summary: 'checkout v1.43 deployed by …', within3h: true, … }]
 */
export async function recentChanges(db: Db, serviceIds: readonly string[], now: Instant, windowMs: number = RECENT_CHANGES_WINDOW_MS, until: Instant = now, edges?: readonly DependencyEdge[]): Promise<RecentChange[]> {
  if (serviceIds.length === 0) return []
  const related = relatedServices(edges ?? (await listDependencyEdges(db)), serviceIds)
  const ids = [...related.keys()]
  const from = now - windowMs
  const end = Math.max(until, now)
  // Every page asks (its message names the latest change): usually there is none, and one
  // statement says so instead of reading each source and every service's name.
  if (!(await anyChangeIn(db, ids, from, end))) return []
  const deployments = await listDeployments(db, { serviceIds: ids, from, to: end + 1 })
  const changes = await listChanges(db, { serviceIds: ids, from, to: end + 1 })
  const names = new Map((await listServices(db)).map((s) => [s.id, s.name]))
  const changeById = new Map(changes.map((c) => [c.id, c]))
  for (const d of deployments) {
    if (d.changeRequestId !== null && !changeById.has(d.changeRequestId)) {
      const c = await findChange(db, d.changeRequestId)
      if (c !== null) changeById.set(c.id, c)
    }
  }
  const out: RecentChange[] = []
  for (const d of deployments) out.push(await deploymentChange(db, d, names, related.get(d.serviceId) ?? 'self', d.changeRequestId === null ? undefined : changeById.get(d.changeRequestId), now))
  const deployed = new Set(deployments.map((d) => d.changeRequestId).filter((id) => id !== null))
  for (const c of changes) {
    if (deployed.has(c.id)) continue
    // The latest of its start and end inside the window: a long rollout that ended an hour ago counts.
    const at = Math.max(...[c.startedAt, c.finishedAt].filter((t): t is Instant => t !== null && t >= from && t <= end), Number.NEGATIVE_INFINITY)
    if (at === Number.NEGATIVE_INFINITY) continue
    const serviceId = c.serviceIds.find((s) => related.get(s) === 'self') ?? c.serviceIds.find((s) => related.has(s)) ?? c.serviceIds[0] ?? ''
    out.push({
      kind: 'change_request',
      id: c.id,
      at,
      serviceId,
      serviceName: names.get(serviceId) ?? serviceId,
      relation: related.get(serviceId) ?? 'self',
      summary: `${c.key} "${c.title}" ${c.state.replace('_', ' ')}`,
      version: null,
      actor: null,
      status: c.state,
      changeRequest: crRef(c),
      rollbackPlan: planOf(c),
      within3h: isLikelyCause(now, at),
      ageMinutes: ageMinutes(now, at),
    })
  }
  const events = await db.selectFrom('service_changes').selectAll().where('service_id', 'in', ids).where('at', '>=', from).where('at', '<=', end).execute()
  for (const e of events) {
    const name = names.get(e.service_id) ?? e.service_id
    out.push({
      kind: 'change_event',
      id: e.id,
      at: e.at,
      serviceId: e.service_id,
      serviceName: name,
      relation: related.get(e.service_id) ?? 'self',
      summary: `${name}: ${e.summary}${e.source === '' ? '' : ` (from ${e.source})`}`,
      version: null,
      actor: e.source === '' ? null : e.source,
      status: null,
      changeRequest: null,
      rollbackPlan: null,
      within3h: isLikelyCause(now, e.at),
      ageMinutes: ageMinutes(now, e.at),
    })
  }
  return out.sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1))
}

/**
 * The most recent change to a service (or its dependencies) in the last 3 hours, as one line for
 * page text, or null when there is none.
 * @example latestChangeLine(db, serviceId, now) // 'Recent change (40 min ago): checkout v1.43.0 deployed by ana@… — roll back: redeploy v1.42.0'
 */
export async function latestChangeLine(db: Db, serviceId: string, now: Instant, edges?: readonly DependencyEdge[]): Promise<string | null> {
  const [latest] = await recentChanges(db, [serviceId], now, LIKELY_CAUSE_MS, now, edges)
  if (latest === undefined) return null
  const back = latest.rollbackPlan?.steps[0]
  return `Recent change (${latest.ageMinutes} min ago): ${latest.summary}${back === undefined ? '' : ` — roll back: ${back}`}`
}
