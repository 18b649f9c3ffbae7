/** Report routes: the health report, the weekly report, the compensation ledger, the night budget and sleep-in notices. */
import { requireTeamRole } from '../../../domain/auth/index.js'
import {
  compensationRows,
  isoWeekOf,
  listSleepInNotices,
  MAX_REPORT_RANGE_MS,
  parseIsoWeek,
  previousIsoWeek,
  teamHealthReport,
  teamNightBudgetStatus,
  toCsv,
  weeklyReport,
} from '../../../domain/oncall-health/index.js'
import { getTeam } from '../../../domain/teams/index.js'
import { AppError, FieldErrors } from '../../../lib/errors.js'
import { addLocalDays, DAY_MS, localDateOf, parseLocalDate, startOfLocalDay, type Instant } from '../../../lib/time/index.js'
import { requirePrincipal } from '../../server.js'
import type { Api, HttpDeps } from '../../types.js'
import { errorResponses, IdParams, instantField, ListOf } from '../common.js'
import { budgetJson, reportJson, sleepInsJson } from './json.js'
import { BudgetJson, DayQuery, RangeQuery, ReportJson, SleepInJson, WeeklyReportJson, WeekQuery } from './schema.js'

/** Default report range: the 28 days up to `to`. */
const DEFAULT_RANGE_MS = 28 * DAY_MS

function readRange(q: { from?: string | undefined; to?: string | undefined }, now: Instant): { start: Instant; end: Instant } {
  const end = q.to === undefined ? now : instantField(q.to, 'to')
  const start = q.from === undefined ? end - DEFAULT_RANGE_MS : instantField(q.from, 'from')
  const errors = new FieldErrors()
  if (end <= start) errors.add('to', 'must be after from')
  else if (end - start > MAX_REPORT_RANGE_MS) errors.add('to', `the range may span at most ${MAX_REPORT_RANGE_MS / DAY_MS} days`)
  errors.throwIfAny()
  return { start, end }
}

export function registerReportRoutes(app: Api, deps: HttpDeps): void {
  const tags = ['on-call health']
  const db = deps.storage.db

  app.get(
    '/api/v1/teams/:id/oncall-health',
    { schema: { tags, summary: 'On-call health of a team over [from, to): burden per person and team, heatmaps, reliefs, sleep-ins, the night-page budget, recommendations with figures and sources', params: IdParams, querystring: RangeQuery, response: { 200: ReportJson, ...errorResponses } } },
    async (request) => {
      const team = await getTeam(db, request.params.id)
      requireTeamRole(requirePrincipal(request), team.id, 'observer', 'Reading on-call health')
      const now = deps.clock.now()
      const report = await teamHealthReport(db, team.id, readRange(request.query, now), now)
      return reportJson(db, report, now)
    },
  )

  app.get(
    '/api/v1/teams/:id/oncall-report',
    { schema: { tags, summary: 'The weekly on-call report of an ISO week (default: the last complete week), as JSON, or as text with format=text', params: IdParams, querystring: WeekQuery, response: { 200: WeeklyReportJson, ...errorResponses } } },
    async (request, reply) => {
      const team = await getTeam(db, request.params.id)
      requireTeamRole(requirePrincipal(request), team.id, 'observer', 'Reading the on-call report')
      const now = deps.clock.now()
      const format = request.query.format ?? 'json'
      if (format !== 'json' && format !== 'text') throw invalid('format', "must be 'json' or 'text'")
      let monday = previousIsoWeek(now, team.timeZone)
      if (request.query.week !== undefined) {
        const parsed = parseIsoWeek(request.query.week)
        if (parsed === null) throw invalid('week', `must be an ISO week such as ${isoWeekOf(monday)}, got ${JSON.stringify(request.query.week)}`)
        monday = parsed
      }
      const r = await weeklyReport(db, team.id, monday, now)
      // Plain text is not the JSON response schema: send it as is.
      if (format === 'text') return reply.type('text/plain; charset=utf-8').send(`${r.subject}\n\n${r.text}\n` as never)
      return {
        week: r.week,
        subject: r.subject,
        text: r.text,
        report: await reportJson(db, r.report, now),
        compensation: r.compensation.map((c) => ({ userId: c.userId, name: c.name, engagedOffHoursMinutes: c.engagedOffHoursMinutes, sleepHoursWakeUps: c.sleepHoursWakeUps, factor: c.factor, engagedCreditMinutes: c.engagedCreditMinutes, wakeUpCreditMinutes: c.wakeUpCreditMinutes, minutesInLieu: c.minutesInLieu })),
      }
    },
  )

  app.get(
    '/api/v1/teams/:id/compensation.csv',
    { schema: { tags, summary: 'The time-in-lieu ledger over [from, to) as RFC 4180 CSV (team admins)', params: IdParams, querystring: RangeQuery } },
    async (request, reply) => {
      const team = await getTeam(db, request.params.id)
      requireTeamRole(requirePrincipal(request), team.id, 'admin', 'Exporting the compensation ledger')
      const now = deps.clock.now()
      const r = await teamHealthReport(db, team.id, readRange(request.query, now), now)
      const csv = toCsv(compensationRows(r.burden, r.settings.compensation, r.names))
      const name = `compensation-${team.name.replace(/[^A-Za-z0-9._-]+/g, '-')}-${localDateOf(r.range.start, team.timeZone)}.csv`
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(csv)
    },
  )

  app.get('/api/v1/teams/:id/night-budget', { schema: { tags, summary: "The team's night-page budget in the current on-call week", params: IdParams, response: { 200: BudgetJson, ...errorResponses } } }, async (request) => {
    const team = await getTeam(db, request.params.id)
    requireTeamRole(requirePrincipal(request), team.id, 'observer', 'Reading the night-page budget')
    return budgetJson(team.id, await teamNightBudgetStatus(db, team.id, deps.clock.now()))
  })

  app.get(
    '/api/v1/teams/:id/sleep-in-notices',
    { schema: { tags, summary: 'Sleep-in notices for a day (team zone): people woken the night before and starting late', params: IdParams, querystring: DayQuery, response: { 200: ListOf(SleepInJson), ...errorResponses } } },
    async (request) => {
      const team = await getTeam(db, request.params.id)
      requireTeamRole(requirePrincipal(request), team.id, 'observer', 'Reading sleep-in notices')
      const day = request.query.day === undefined ? localDateOf(deps.clock.now(), team.timeZone) : parseLocalDate(request.query.day)
      if (day === null) throw invalid('day', 'must be a date YYYY-MM-DD')
      const notices = await listSleepInNotices(db, { teamId: team.id, from: startOfLocalDay(team.timeZone, day), to: startOfLocalDay(team.timeZone, addLocalDays(day, 1)) })
      return { items: await sleepInsJson(db, notices) }
    },
  )
}

function invalid(field: string, reason: string): AppError {
  return new AppError('E_VALIDATION', `${field}: ${reason}`, { fields: [{ field, reason }] })
}
