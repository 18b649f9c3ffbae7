import { Type } from 'typebox'
import { changeCalendar, recentChanges, RECENT_CHANGES_WINDOW_MS, teamChangeMetrics } from '../../../domain/change-requests/index.js'
import { getService } from '../../../domain/services/index.js'
import { getTeam } from '../../../domain/teams/index.js'
import { validationError } from '../../../lib/errors.js'
import { DAY_MS, formatInstant, HOUR_MS, MINUTE_MS } from '../../../lib/time/index.js'
import type { Api, HttpDeps } from '../../types.js'
import { errorResponses, IdParams, instantField, iso, ListOf } from '../common.js'
import { deploymentsJson, exceptionsOf, freezeJson } from '../deploys/json.js'
import { changeSummaryJson, namesFor, recentChangeJson } from './json.js'
import { CalendarJson, CalendarQuery, MetricsJson, MetricsQuery, RecentChangeJson } from './schema.js'

/** The longest range change metrics may cover (DORA figures want months, not years of rows). */
const MAX_METRICS_DAYS = 400

/** Read-only views: recent changes of a service, a team's change metrics, and the change calendar. */
export function registerChangeInsightRoutes(app: Api, deps: HttpDeps): void {
  const db = deps.storage.db

  app.get(
    '/api/v1/services/:id/recent-changes',
    {
      schema: {
        tags: ['changes'],
        summary: 'Changes to a service, its dependencies and direct dependents (deployments, change requests, change events), newest first, each flagged within3h',
        params: IdParams,
        querystring: Type.Object({ hours: Type.Optional(Type.Integer({ minimum: 1, maximum: 24 * 14, default: 24 })) }),
        response: { 200: ListOf(RecentChangeJson), ...errorResponses },
      },
    },
    async (request) => {
      const service = await getService(db, request.params.id)
      const windowMs = request.query.hours === undefined ? RECENT_CHANGES_WINDOW_MS : request.query.hours * HOUR_MS
      return { items: (await recentChanges(db, [service.id], deps.clock.now(), windowMs)).map(recentChangeJson) }
    },
  )

  app.get('/api/v1/teams/:id/change-metrics', { schema: { tags: ['changes'], summary: "A team's deploy-to-alert delays against its support tail, and DORA metrics per team and service with 2024 bands", params: IdParams, querystring: MetricsQuery, response: { 200: MetricsJson, ...errorResponses } } }, async (request) => {
    const team = await getTeam(db, request.params.id)
    const to = request.query.to === undefined ? deps.clock.now() : instantField(request.query.to, 'to')
    const from = request.query.from === undefined ? to - 90 * DAY_MS : instantField(request.query.from, 'from')
    if (to <= from) throw validationError([{ field: 'to', reason: 'must be after from' }])
    if (to - from > MAX_METRICS_DAYS * DAY_MS) throw validationError([{ field: 'from', reason: `the range may span at most ${MAX_METRICS_DAYS} days` }])
    const m = await teamChangeMetrics(db, team, from, to)
    return {
      teamId: m.teamId,
      from: iso(m.from),
      to: iso(m.to),
      deployImpact: {
        deploys: m.deployImpact.deploys,
        perDeploy: m.deployImpact.perDeploy.map((p) => ({ deployId: p.deployId, firstAlertAfterMinutes: p.firstAlertAfterMs === null ? null : Math.round((p.firstAlertAfterMs / MINUTE_MS) * 10) / 10 })),
        buckets: { ...m.deployImpact.buckets },
        configuredTailMinutes: m.deployImpact.configuredTailMinutes,
        suggestedTailMinutes: m.deployImpact.suggestedTailMinutes,
        shareWithinConfiguredTail: m.deployImpact.shareWithinConfiguredTail,
        coverageTarget: m.deployImpact.coverageTarget,
        note: m.deployImpact.note,
      },
      dora: { team: { ...m.dora.team, bands: { ...m.dora.team.bands } }, services: m.dora.services.map((s) => ({ ...s, bands: { ...s.bands } })), published: m.dora.published },
    }
  })

  app.get('/api/v1/change-calendar', { schema: { tags: ['changes'], summary: 'Deploy windows, staffed and deployable times, holidays (concrete intervals), freezes, change requests and deployments in a range', querystring: CalendarQuery, response: { 200: CalendarJson, ...errorResponses } } }, async (request) => {
    const q = request.query
    const cal = await changeCalendar(db, { from: instantField(q.from, 'from'), to: instantField(q.to, 'to'), teamId: q.teamId })
    const interval = (zone: string) => (i: { start: number; end: number }) => ({ start: formatInstant(i.start, zone), end: formatInstant(i.end, zone) })
    const intervalsOf = <T extends { timeZone: string; windows: readonly { start: number; end: number }[]; staffed: readonly { start: number; end: number }[]; deployable: readonly { start: number; end: number }[]; holidays: readonly { date: string; start: number; end: number }[] }>(p: T) => ({
      timeZone: p.timeZone,
      windows: p.windows.map(interval(p.timeZone)),
      staffed: p.staffed.map(interval(p.timeZone)),
      deployable: p.deployable.map(interval(p.timeZone)),
      holidays: p.holidays.map((h) => ({ date: h.date, ...interval(p.timeZone)(h) })),
    })
    const names = await namesFor(db, cal.changeRequests)
    const exceptions = await exceptionsOf(db, cal.freezes.map((f) => f.id))
    return {
      from: iso(cal.from),
      to: iso(cal.to),
      teams: cal.teams.map((t) => ({
        teamId: t.teamId,
        teamName: t.teamName,
        policySource: t.policySource,
        supportTailMinutes: t.supportTailMinutes,
        ...intervalsOf(t),
        serviceOverrides: t.serviceOverrides.map((s) => ({ serviceId: s.serviceId, serviceName: s.serviceName, supportTailMinutes: s.supportTailMinutes, ...intervalsOf(s) })),
      })),
      freezes: cal.freezes.map((f) => freezeJson(f, deps.clock.now(), exceptions.get(f.id) ?? [])),
      changeRequests: cal.changeRequests.map((c) => changeSummaryJson(c, names)),
      deployments: await deploymentsJson(db, cal.deployments),
    }
  })
}
