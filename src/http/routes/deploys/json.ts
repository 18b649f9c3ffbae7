/** Output mapping for deploy policies, freezes, deploy checks and deployments (instants → RFC 3339). */
import { changeKey, type DeployCheck, type Deployment } from '../../../domain/change-requests/index.js'
import { listServices } from '../../../domain/services/index.js'
import type { DeployPolicy, GateReason, StoredFreeze } from '../../../domain/deploy-gate/index.js'
import type { Instant } from '../../../lib/time/index.js'
import type { Db } from '../../../storage/index.js'
import { iso, isoOrNull } from '../common.js'

export const policyJson = (p: DeployPolicy) => ({
  timeZone: p.timeZone,
  windows: p.windows.map((w) => ({ days: [...w.days], start: w.start, end: w.end })),
  supportTailMinutes: p.supportTailMinutes,
  staffedHours: { days: [...p.staffedHours.days], start: p.staffedHours.start, end: p.staffedHours.end },
  holidays: [...p.holidays],
  checks: { ...p.checks },
})

export const reasonJson = (r: GateReason) => ({ code: r.code, effect: r.effect, message: r.message, ...(r.until === undefined ? {} : { until: iso(r.until) }) })

export function checkJson(c: DeployCheck) {
  return {
    checkId: c.checkId,
    allowed: c.allowed,
    kind: c.kind,
    at: iso(c.evaluatedAt),
    reasons: c.reasons.map(reasonJson),
    nextAllowedAt: isoOrNull(c.nextAllowedAt),
    service: c.service,
    change: c.change,
    policy: policyJson(c.policy),
    policySource: c.policySource,
    facts: {
      onCall: c.facts.onCall.map((f) => ({ ...f, from: iso(f.from), to: iso(f.to) })),
      openHighUrgencyAlerts: c.facts.openHighUrgencyAlerts,
      nightBudgetSpent: c.facts.nightBudgetSpent,
      nightBudgetKnown: c.facts.nightBudgetKnown,
      nightBudgetSummary: c.facts.nightBudgetSummary,
    },
    blastRadius: c.blastRadius.map((b) => ({ ...b, onCall: b.onCall.map((o) => ({ ...o })) })),
  }
}

export function deploymentJson(d: Deployment, names: { serviceName: (id: string) => string; changeKey: (id: string) => string | null }) {
  return {
    id: d.id,
    serviceId: d.serviceId,
    serviceName: names.serviceName(d.serviceId),
    kind: d.kind,
    version: d.version,
    changeRequestId: d.changeRequestId,
    changeKey: d.changeRequestId === null ? null : names.changeKey(d.changeRequestId),
    actor: d.actor,
    actorUserId: d.actorUserId,
    status: d.status,
    startedAt: iso(d.startedAt),
    finishedAt: isoOrNull(d.finishedAt),
    gateCheckId: d.gateCheckId,
    overrideReason: d.overrideReason,
    rollsBackId: d.rollsBackId,
    source: d.source,
  }
}

export interface ExceptionRow {
  readonly changeId: string
  readonly changeKey: string
  readonly approvedBy: string
  readonly comment: string
  readonly at: Instant
}

export function freezeJson(f: StoredFreeze, now: Instant, exceptions: readonly ExceptionRow[]) {
  return {
    id: f.id,
    name: f.name,
    start: iso(f.start),
    end: iso(f.end),
    scope: f.scope.kind === 'teams' ? { kind: 'teams', teamIds: [...f.scope.teamIds] } : f.scope.kind === 'services' ? { kind: 'services', serviceIds: [...f.scope.serviceIds] } : { kind: 'all' },
    reason: f.reason,
    approverIds: [...f.approverIds],
    createdBy: f.createdBy,
    createdAt: iso(f.createdAt),
    active: f.start <= now && now < f.end,
    exceptions: exceptions.map((e) => ({ ...e, at: iso(e.at) })),
  }
}

/** Maps deployments to JSON with service names and change keys, in one query each. */
export async function deploymentsJson(db: Db, list: readonly Deployment[]) {
  const services = new Map((await listServices(db)).map((s) => [s.id, s.name]))
  const changeIds = [...new Set(list.flatMap((d) => (d.changeRequestId === null ? [] : [d.changeRequestId])))]
  const numbers = new Map(
    changeIds.length === 0 ? [] : (await db.selectFrom('change_requests').select(['id', 'number']).where('id', 'in', changeIds).execute()).map((r) => [r.id, changeKey(r.number)]),
  )
  return list.map((d) => deploymentJson(d, { serviceName: (id) => services.get(id) ?? id, changeKey: (id) => numbers.get(id) ?? null }))
}

/** The exceptions granted to each freeze, with the change keys and approvers' names. */
export async function exceptionsOf(db: Db, freezeIds: readonly string[]): Promise<Map<string, ExceptionRow[]>> {
  const out = new Map<string, ExceptionRow[]>()
  if (freezeIds.length === 0) return out
  const rows = await db
    .selectFrom('change_approvals')
    .innerJoin('change_requests', 'change_requests.id', 'change_approvals.change_request_id')
    .innerJoin('users', 'users.id', 'change_approvals.user_id')
    .select(['change_approvals.scope', 'change_requests.id', 'change_requests.number', 'users.name', 'change_approvals.comment', 'change_approvals.at'])
    .where('change_approvals.scope', 'in', [...freezeIds])
    .orderBy('change_approvals.at')
    .execute()
  for (const r of rows) out.set(r.scope, [...(out.get(r.scope) ?? []), { changeId: r.id, changeKey: changeKey(r.number), approvedBy: r.name, comment: r.comment, at: r.at }])
  return out
}
