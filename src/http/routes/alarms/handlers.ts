import { Type } from 'typebox'
import {
  aggregateBuckets,
  alarmDedupKey,
  alarmTicketDedupKey,
  bucketize,
  createAlarm,
  deleteAlarm,
  getAlarm,
  lastCompletePeriodEnd,
  listAlarmHistory,
  listAlarms,
  loadDatapoints,
  MAX_REPLAY_EVALUATIONS,
  normalizeAlarmDefinition,
  patchedDefinition,
  periodSecondsOf,
  replayAlarm,
  updateAlarm,
  type Alarm,
  type AlarmDefinition,
  type AlarmDefinitionInput,
} from '../../../domain/alarms/index.js'
import { findOpenAlert, type Alert } from '../../../domain/alerts/index.js'
import { requireTeamRole } from '../../../domain/auth/index.js'
import { suggestAlarmThreshold, SUGGESTION_DEFAULTS } from '../../../domain/noise/index.js'
import { getService, listServices } from '../../../domain/services/index.js'
import { getTeam } from '../../../domain/teams/index.js'
import { conflict, validationError } from '../../../lib/errors.js'
import { HOUR_MS } from '../../../lib/time/index.js'
import type { Db } from '../../../storage/index.js'
import type { Api, CommandRunner, HttpDeps } from '../../types.js'
import { errorResponses, IdParams, instantField, iso, isoOrNull, ListOf } from '../common.js'
import { AlarmBody, AlarmJson, AlarmListQuery, AlarmPatch, HistoryJson, ReplayAlarmBody, ReplayJson, ReplayProposalBody, SeriesJson, SeriesQuery, SuggestionJson, SuggestionQuery } from './schema.js'

const alertRef = (a: Alert | null) => (a === null ? null : { id: a.id, status: a.status, urgency: a.urgency, createdAt: iso(a.createdAt) })

async function alarmJson(db: Db, a: Alarm) {
  const [alert, ticket] = await Promise.all([findOpenAlert(db, a.serviceId, alarmDedupKey(a.id)), a.kind === 'slo' ? findOpenAlert(db, a.serviceId, alarmTicketDedupKey(a.id)) : Promise.resolve(null)])
  const e = a.evaluation
  return {
    id: a.id,
    serviceId: a.serviceId,
    name: a.name,
    kind: a.kind,
    definition: a.definition,
    state: a.state,
    stateReason: a.stateReason,
    stateChangedAt: iso(a.stateChangedAt),
    flapping: a.flapping,
    percentStateChange: e?.percentStateChange ?? 0,
    alert: alertRef(alert),
    ticket: alertRef(ticket),
    budgetRemaining: e?.slo?.budgetRemaining ?? null,
    burnRates: e?.slo?.burnRates ?? null,
    evaluation: e === null ? null : { ...e, periodEnd: iso(e.periodEnd), evaluatedAt: isoOrNull(e.evaluatedAt) },
    nextCheckAt: iso(a.nextCheckAt),
    createdAt: iso(a.createdAt),
    updatedAt: iso(a.updatedAt),
  }
}

/** Threshold and SLO alarms on pushed metrics: CRUD, state history, threshold suggestions, the series the alarm sees. */
export function registerAlarmRoutes(app: Api, deps: HttpDeps, run: CommandRunner): void {
  const tags = ['alarms']
  const db = deps.storage.db

  // Inside a command, read through its transaction (SQLite has one connection).
  const teamOf = async (tx: Db, alarm: Alarm) => (await getService(tx, alarm.serviceId)).teamId

  app.get('/api/v1/alarms', { schema: { tags, summary: 'Alarms with their state; filter by service or team', querystring: AlarmListQuery, response: { 200: ListOf(AlarmJson), ...errorResponses } } }, async (request) => {
    let serviceIds: string[] | undefined
    if (request.query.serviceId !== undefined) serviceIds = [(await getService(db, request.query.serviceId)).id]
    else if (request.query.teamId !== undefined) serviceIds = (await listServices(db, { teamId: (await getTeam(db, request.query.teamId)).id })).map((s) => s.id)
    const alarms = await listAlarms(db, { serviceIds })
    return { items: await Promise.all(alarms.map((a) => alarmJson(db, a))) }
  })

  app.get('/api/v1/services/:id/alarms', { schema: { tags, summary: "A service's alarms", params: IdParams, response: { 200: ListOf(AlarmJson), ...errorResponses } } }, async (request) => {
    const service = await getService(db, request.params.id)
    return { items: await Promise.all((await listAlarms(db, { serviceIds: [service.id] })).map((a) => alarmJson(db, a))) }
  })

  app.post('/api/v1/services/:id/alarms', { schema: { tags, summary: 'Create a threshold or SLO alarm on a service (evaluated at once, then once per period)', params: IdParams, body: AlarmBody, response: { 201: AlarmJson, ...errorResponses } } }, async (request, reply) => {
    const alarm = await run(request, async (ctx) => {
      const service = await getService(ctx.db, request.params.id)
      requireTeamRole(ctx.principal, service.teamId, 'admin', 'Creating an alarm')
      return createAlarm(ctx, service.id, request.body)
    })
    return reply.code(201).send(await alarmJson(db, alarm))
  })

  /** Checks a replay range and runs it; field errors name `from` and `to`. */
  const replay = async (definition: AlarmDefinition, body: { from: string; to: string }) => {
    const from = instantField(body.from, 'from')
    const to = instantField(body.to, 'to')
    const errors: { field: string; reason: string }[] = []
    if (to <= from) errors.push({ field: 'to', reason: 'must be after from' })
    if (to > deps.clock.now()) errors.push({ field: 'to', reason: 'must not be in the future: a replay reads stored datapoints' })
    const evaluations = Math.floor((to - from) / (periodSecondsOf(definition) * 1000)) + 1
    if (evaluations > MAX_REPLAY_EVALUATIONS) errors.push({ field: 'from', reason: `the range holds ${evaluations} evaluation periods; at most ${MAX_REPLAY_EVALUATIONS} (shorten the range or lengthen the period)` })
    if (errors.length > 0) throw validationError(errors, 'the replay range is not usable')
    const r = await replayAlarm(db, definition, from, to)
    return {
      from: iso(from),
      to: iso(to),
      evaluations: r.evaluations.map((e) => ({ ...e, at: iso(e.at) })),
      transitions: r.transitions.map((t) => ({ ...t, at: iso(t.at) })),
      events: r.events.map((e) => ({ ...e, at: iso(e.at) })),
      pages: r.pages,
    }
  }

  app.post(
    '/api/v1/services/:id/alarms/replay',
    { schema: { tags, summary: 'What would this proposed alarm have done? Replays a definition over stored datapoints of a past range (nothing is saved)', params: IdParams, body: ReplayProposalBody, response: { 200: ReplayJson, ...errorResponses } } },
    async (request) => {
      await getService(db, request.params.id)
      const { from, to, name: _name, ...spec } = request.body
      return replay(normalizeAlarmDefinition(spec as AlarmDefinitionInput), { from, to })
    },
  )

  app.post(
    '/api/v1/alarms/:id/replay',
    { schema: { tags, summary: 'What would this alarm (optionally with changes) have done over a past range? Same evaluation as the engine; nothing is saved', params: IdParams, body: ReplayAlarmBody, response: { 200: ReplayJson, ...errorResponses } } },
    async (request) => {
      const alarm = await getAlarm(db, request.params.id)
      const definition = request.body.changes === undefined ? alarm.definition : patchedDefinition(alarm.definition, request.body.changes as AlarmDefinitionInput)
      return replay(definition, request.body)
    },
  )

  app.get('/api/v1/alarms/:id', { schema: { tags, summary: 'An alarm: state, flapping, open alert, last evaluation (SLO: burn rates and budget left)', params: IdParams, response: { 200: AlarmJson, ...errorResponses } } }, async (request) =>
    alarmJson(db, await getAlarm(db, request.params.id)),
  )

  app.patch('/api/v1/alarms/:id', { schema: { tags, summary: 'Change an alarm (re-evaluated at once)', params: IdParams, body: AlarmPatch, response: { 200: AlarmJson, ...errorResponses } } }, async (request) => {
    const alarm = await run(request, async (ctx) => {
      const before = await getAlarm(ctx.db, request.params.id)
      requireTeamRole(ctx.principal, await teamOf(ctx.db, before), 'admin', 'Changing an alarm')
      return updateAlarm(ctx, before.id, request.body)
    })
    return alarmJson(db, alarm)
  })

  app.delete('/api/v1/alarms/:id', { schema: { tags, summary: 'Delete an alarm (an open alert it raised stays for people to resolve)', params: IdParams, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    await run(request, async (ctx) => {
      const alarm = await getAlarm(ctx.db, request.params.id)
      requireTeamRole(ctx.principal, await teamOf(ctx.db, alarm), 'admin', 'Deleting an alarm')
      await deleteAlarm(ctx, alarm.id)
    })
    return reply.code(204).send(null)
  })

  app.get(
    '/api/v1/alarms/:id/history',
    { schema: { tags, summary: 'State changes (and flapping starts and stops), newest first', params: IdParams, querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) }), response: { 200: ListOf(HistoryJson), ...errorResponses } } },
    async (request) => {
      const alarm = await getAlarm(db, request.params.id)
      return { items: (await listAlarmHistory(db, alarm.id, request.query.limit ?? 100)).map((h) => ({ ...h, at: iso(h.at) })) }
    },
  )

  app.get(
    '/api/v1/alarms/:id/threshold-suggestion',
    { schema: { tags, summary: 'A realistic threshold from the metric history and the alerts marked actionable', params: IdParams, querystring: SuggestionQuery, response: { 200: SuggestionJson, ...errorResponses } } },
    async (request) => {
      const alarm = await getAlarm(db, request.params.id)
      const s = await suggestAlarmThreshold(db, alarm, deps.clock.now(), { days: request.query.days ?? SUGGESTION_DEFAULTS.days, targetAlertsPerWeek: request.query.targetAlertsPerWeek ?? SUGGESTION_DEFAULTS.targetAlertsPerWeek })
      return { ...s, from: iso(s.from), to: iso(s.to), actionableWindows: s.actionableWindows.map((w) => ({ from: iso(w.from), to: iso(w.to) })) }
    },
  )

  app.get(
    '/api/v1/alarms/:id/series',
    { schema: { tags, summary: 'The per-period values a threshold alarm judges (for a chart), default the last 6 hours', params: IdParams, querystring: SeriesQuery, response: { 200: SeriesJson, ...errorResponses } } },
    async (request) => {
      const alarm = await getAlarm(db, request.params.id)
      const spec = alarm.definition.threshold
      if (spec === null) throw conflict('an SLO alarm has no single series; see burnRates and budgetRemaining')
      const periodMs = spec.periodSeconds * 1000
      const to = lastCompletePeriodEnd(request.query.to === undefined ? deps.clock.now() : instantField(request.query.to, 'to'), spec.periodSeconds) + periodMs
      const from = request.query.from === undefined ? to - 6 * HOUR_MS : instantField(request.query.from, 'from')
      const n = Math.ceil((to - from) / periodMs)
      if (n < 1 || n > 2000) throw validationError([{ field: 'from', reason: `the range must span 1 to 2000 periods of ${spec.periodSeconds} s` }])
      const values = aggregateBuckets(bucketize(await loadDatapoints(db, spec, to - n * periodMs, to), spec.periodSeconds, to, n), spec.statistic)
      return { periodSeconds: spec.periodSeconds, statistic: spec.statistic, threshold: spec.threshold, recoveryThreshold: spec.recoveryThreshold, items: values.map((value, i) => ({ at: iso(to - (n - i) * periodMs), value })) }
    },
  )
}
