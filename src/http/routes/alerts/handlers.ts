import { randomUUID } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import { Type, type Static } from 'typebox'
import {
  acknowledgeAlert,
  alertTimeline,
  applyEvent,
  escalateNow,
  getAlert,
  listAlerts,
  reassignAlert,
  resolveAlert,
  setOutcome,
  type Alert,
  type AlertStatus,
} from '../../../domain/alerts/index.js'
import { hasTeamRole, type Principal } from '../../../domain/auth/index.js'
import { recentChanges, RECENT_CHANGES_WINDOW_MS } from '../../../domain/change-requests/index.js'
import { listAlertNotifications, toldOfAlert, type Notification } from '../../../domain/notify/index.js'
import { ensureDirectPagesService, getService, listServices, type Service } from '../../../domain/services/index.js'
import { getTeam, listTeamMembers } from '../../../domain/teams/index.js'
import { findUserByRef } from '../../../domain/users/index.js'
import { listSchedules, scheduleOnCall } from '../../../domain/schedules/index.js'
import { AppError, FieldErrors, forbidden } from '../../../lib/errors.js'
import type { Db } from '../../../storage/index.js'
import type { Api, CommandRunner, HttpDeps } from '../../types.js'
import { requirePrincipal } from '../../server.js'
import { errorResponses, IdParams, instantField, iso, isoOrNull, ListOf } from '../common.js'
import { recentChangeJson } from '../changes/json.js'
import { AlertDetailJson, AlertJson, AlertListQuery, ManualAlertBody, ReassignBody, ResolveBody } from './schema.js'

export function alertJson(a: Alert, service: Pick<Service, 'name' | 'teamId'> | undefined) {
  return {
    id: a.id,
    serviceId: a.serviceId,
    serviceName: service?.name ?? a.serviceId,
    teamId: service?.teamId ?? '',
    dedupKey: a.dedupKey,
    status: a.status,
    urgency: a.urgency,
    summary: a.summary,
    source: a.source,
    severity: a.severity,
    component: a.component,
    group: a.group,
    class: a.class,
    details: a.details,
    links: a.links.map((l) => ({ href: l.href, ...(l.text === undefined ? {} : { text: l.text }) })),
    origin: a.origin,
    createdAt: iso(a.createdAt),
    lastEventAt: iso(a.lastEventAt),
    eventCount: a.eventCount,
    acknowledgedAt: isoOrNull(a.acknowledgedAt),
    acknowledgedBy: a.acknowledgedBy,
    resolvedAt: isoOrNull(a.resolvedAt),
    resolvedBy: a.resolvedBy,
    outcome: a.outcome,
    outcomeNote: a.outcomeNote,
    nextEscalationAt: isoOrNull(a.nextEscalationAt),
  }
}

export const notificationJson = (n: Notification) => ({
  id: n.id,
  alertId: n.alertId,
  userId: n.userId,
  channel: n.channel,
  kind: n.kind,
  urgency: n.urgency,
  interrupting: n.interrupting,
  status: n.status,
  notBefore: iso(n.notBefore),
  nextAttemptAt: iso(n.nextAttemptAt),
  attempts: n.attempts,
  lastError: n.lastError,
  // A verification message carries its one-time code: never show it back through the API.
  subject: n.kind === 'verification' ? 'Verification code' : n.subject,
  createdAt: iso(n.createdAt),
  sentAt: isoOrNull(n.sentAt),
})

/** Responders of the owning team act on its alerts; so does anyone Tend paged for this alert. */
async function requireResponder(db: Db, p: Principal, alert: Alert, what: string): Promise<void> {
  const service = await getService(db, alert.serviceId)
  if (!(await mayActOn(db, p, alert, service))) throw forbidden(`${what} ${whyNotAllowed(service)}`)
}

async function mayActOn(db: Db, p: Principal, alert: Alert, service: Service): Promise<boolean> {
  return hasTeamRole(p, service.teamId, 'responder') || alert.directTargets?.includes(p.userId) === true || (await toldOfAlert(db, alert.id, p.userId))
}

const whyNotAllowed = (service: Service) => `needs the responder role on the team that owns ${service.name}, or to have been paged for this alert`

function parseStatuses(raw: string | undefined): AlertStatus[] | undefined {
  if (raw === undefined || raw === '') return undefined
  const out = raw.split(',').flatMap((s) => (s.trim() === 'open' ? ['triggered', 'acknowledged'] : [s.trim()]))
  const bad = out.find((s) => !['triggered', 'acknowledged', 'resolved'].includes(s))
  if (bad !== undefined) throw new AppError('E_VALIDATION', `status: unknown status ${bad}`, { fields: [{ field: 'status', reason: `unknown status ${JSON.stringify(bad)} (use triggered, acknowledged, resolved or open)` }] })
  return out as AlertStatus[]
}

export function registerAlertRoutes(app: Api, deps: HttpDeps, run: CommandRunner): void {
  const tags = ['alerts']
  const db = deps.storage.db
  const serviceMap = async () => new Map((await listServices(db)).map((s) => [s.id, s]))

  app.get('/api/v1/alerts', { schema: { tags, summary: 'List alerts, newest first; filter by status, team, service, urgency', querystring: AlertListQuery, response: { 200: ListOf(AlertJson), ...errorResponses } } }, async (request) => {
    const q = request.query
    const services = await serviceMap()
    let serviceIds: string[] | undefined
    if (q.serviceId !== undefined) serviceIds = [(await getService(db, q.serviceId)).id]
    if (q.teamId !== undefined) {
      const team = await getTeam(db, q.teamId)
      serviceIds = [...services.values()].filter((s) => s.teamId === team.id && (serviceIds === undefined || serviceIds.includes(s.id))).map((s) => s.id)
    }
    if (q.urgency !== undefined && q.urgency !== 'high' && q.urgency !== 'low') throw new AppError('E_VALIDATION', 'urgency must be high or low', { fields: [{ field: 'urgency', reason: 'must be high or low' }] })
    const alerts = await listAlerts(db, { status: parseStatuses(q.status), serviceIds, urgency: q.urgency as 'high' | 'low' | undefined, before: q.before === undefined ? undefined : instantField(q.before, 'before'), limit: q.limit ?? 100 })
    return { items: alerts.map((a) => alertJson(a, services.get(a.serviceId))) }
  })

  app.get('/api/v1/alerts/:id', { schema: { tags, summary: 'An alert with its timeline and every message about it (bundle follow-ups listing it included)', params: IdParams, response: { 200: AlertDetailJson, ...errorResponses } } }, async (request) => {
    const alert = await getAlert(db, request.params.id)
    const [service, timeline, notifications] = await Promise.all([getService(db, alert.serviceId), alertTimeline(db, alert.id), listAlertNotifications(db, alert.id, 500)])
    const allowed = await mayActOn(db, requirePrincipal(request), alert, service)
    // Change first: what changed before the alert (flagged within 3 h of it), and anything since.
    const changes = await recentChanges(db, [alert.serviceId], alert.createdAt, RECENT_CHANGES_WINDOW_MS, Math.max(deps.clock.now(), alert.createdAt))
    return {
      alert: alertJson(alert, service),
      timeline: timeline.map((t) => ({ at: iso(t.at), kind: t.kind, actor: t.actor, message: t.message, data: t.data })),
      notifications: notifications.map(notificationJson),
      recentChanges: changes.map(recentChangeJson),
      viewer: { mayAct: allowed, why: allowed ? null : `Acting on this alert ${whyNotAllowed(service)}.` },
    }
  })

  app.post('/api/v1/alerts', { schema: { tags, summary: 'Raise an alert by hand on a service, a team or people (e.g. a customer report)', body: ManualAlertBody, response: { 201: AlertJson, ...errorResponses } } }, async (request, reply) => {
    const alert = await run(request, (ctx) => raiseManualAlert(ctx, request.body))
    deps.wakeEngine()
    const service = await getService(db, alert.serviceId)
    return reply.code(201).send(alertJson(alert, service))
  })

  const act = (path: string, summary: string, fn: (ctx: Parameters<Parameters<CommandRunner>[1]>[0], alert: Alert, request: FastifyRequest) => Promise<unknown>, body?: typeof ResolveBody | typeof ReassignBody) =>
    app.post(path, { schema: { tags, summary, params: IdParams, ...(body === undefined ? {} : { body }), response: { 200: AlertJson, ...errorResponses } } }, async (request) => {
      const alert = await run(request, async (ctx) => {
        const before = await getAlert(ctx.db, (request.params as { id: string }).id)
        await requireResponder(ctx.db, ctx.principal, before, summary.split(' ')[0] ?? 'This')
        await fn(ctx, before, request)
        return getAlert(ctx.db, before.id)
      })
      return alertJson(alert, await getService(db, alert.serviceId))
    })

  act('/api/v1/alerts/:id/acknowledge', 'Acknowledge: escalation stops', (ctx, alert) => acknowledgeAlert(ctx.db, ctx.now, ctx.actor, alert))
  act('/api/v1/alerts/:id/resolve', 'Resolve, optionally with an outcome (actionable, noise, duplicate) and a note', (ctx, alert, request) => resolveAlert(ctx.db, ctx.now, ctx.actor, alert, (request.body ?? {}) as { outcome?: string; note?: string }), ResolveBody)
  act('/api/v1/alerts/:id/outcome', 'Record what a resolved alert was (actionable, noise, duplicate)', (ctx, alert, request) => setOutcome(ctx.db, ctx.now, ctx.actor, alert.id, (request.body ?? {}) as { outcome?: string; note?: string }), ResolveBody)
  act('/api/v1/alerts/:id/escalate', 'Escalate now: fire the next step at once', (ctx, alert) => escalateNow(ctx.db, ctx.now, ctx.actor, alert.id))
  act(
    '/api/v1/alerts/:id/reassign',
    'Reassign to people (ids or emails): they are paged directly',
    async (ctx, alert, request) => reassignAlert(ctx.db, ctx.now, ctx.actor, alert.id, await resolveUserRefs(ctx.db, (request.body as { userIds: string[] }).userIds)),
    ReassignBody,
  )

  app.get('/api/v1/services/:id/changes', { schema: { tags: ['services'], summary: 'Changes recorded on a service (PagerDuty change events), newest first', params: IdParams, response: { 200: ListOf(Type.Object({ id: Type.String(), kind: Type.String(), summary: Type.String(), source: Type.String(), at: Type.String(), details: Type.Unknown(), links: Type.Unknown() })), ...errorResponses } } }, async (request) => {
    const service = await getService(db, request.params.id)
    const rows = await db.selectFrom('service_changes').selectAll().where('service_id', '=', service.id).orderBy('at', 'desc').limit(200).execute()
    return { items: rows.map((r) => ({ id: r.id, kind: r.kind, summary: r.summary, source: r.source, at: iso(r.at), details: JSON.parse(r.details_json) as unknown, links: JSON.parse(r.links_json) as unknown })) }
  })
}

async function resolveUserRefs(db: Db, refs: readonly string[]): Promise<string[]> {
  return Promise.all(refs.map(async (r) => (await findUserByRef(db, r))?.id ?? r))
}

/** A person paging a service (through its policy), a team (its on-call now) or people directly. */
async function raiseManualAlert(ctx: Parameters<Parameters<CommandRunner>[1]>[0], b: Static<typeof ManualAlertBody>): Promise<Alert> {
  const errors = new FieldErrors()
  const given = [b.serviceId, b.teamId, b.userIds].filter((x) => x !== undefined)
  if (given.length !== 1) errors.add('serviceId', 'give exactly one of serviceId, teamId or userIds')
  if (b.urgency !== undefined && b.urgency !== 'high' && b.urgency !== 'low') errors.add('urgency', 'must be high or low')
  errors.throwIfAny()
  let service: Service
  let directTargets: string[] | null = null
  if (b.serviceId !== undefined) service = await getService(ctx.db, b.serviceId)
  else if (b.teamId !== undefined) {
    const team = await getTeam(ctx.db, b.teamId)
    service = await ensureDirectPagesService(ctx, team.id, team.name)
    directTargets = []
    for (const s of await listSchedules(ctx.db, { teamId: team.id })) {
      const who = (await scheduleOnCall(ctx.db, s, ctx.now)).shift.userId
      if (who !== null && !directTargets.includes(who)) directTargets.push(who)
    }
    if (directTargets.length === 0) directTargets = (await listTeamMembers(ctx.db, team.id)).filter((m) => m.role === 'admin').map((m) => m.userId)
    if (directTargets.length === 0) throw new AppError('E_CONFLICT', `Nobody is on call for team ${team.name} and it has no admins to page`)
  } else {
    directTargets = await resolveUserRefs(ctx.db, b.userIds ?? [])
    const first = await findUserByRef(ctx.db, directTargets[0] ?? '')
    if (first === null) throw new AppError('E_VALIDATION', 'userIds: unknown user', { fields: [{ field: 'userIds[0]', reason: `user ${b.userIds?.[0] ?? ''} does not exist` }] })
    const membership = await ctx.db.selectFrom('team_members').innerJoin('teams', 'teams.id', 'team_members.team_id').select(['teams.id', 'teams.name']).where('team_members.user_id', '=', first.id).orderBy('teams.name').executeTakeFirst()
    if (membership === undefined) throw new AppError('E_VALIDATION', `${first.name} is not in any team`, { fields: [{ field: 'userIds[0]', reason: `${first.name} is not in any team; page a service or team instead` }] })
    service = await ensureDirectPagesService(ctx, membership.id, membership.name)
  }
  const result = await applyEvent(
    ctx.db,
    ctx.now,
    ctx.actor,
    service,
    { action: 'trigger', dedupKey: b.dedupKey ?? `manual:${randomUUID()}`, summary: b.summary, source: `${ctx.principal.name} (manual)`, severity: 'critical', urgency: (b.urgency as 'high' | 'low' | undefined) ?? 'high', details: b.details ?? {}, links: [] },
    { origin: 'manual', urgencyOverride: null, createdBy: ctx.principal.userId, directTargets },
  )
  return getAlert(ctx.db, result.alertId ?? '')
}
