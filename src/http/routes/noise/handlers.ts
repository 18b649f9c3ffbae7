import { noiseReport, type AlarmThresholdSuggestion } from '../../../domain/noise/index.js'
import { getService, listServices } from '../../../domain/services/index.js'
import { getTeam } from '../../../domain/teams/index.js'
import { validationError } from '../../../lib/errors.js'
import { DAY_MS } from '../../../lib/time/index.js'
import type { Api, HttpDeps } from '../../types.js'
import { errorResponses, instantField, iso } from '../common.js'
import { NoiseQuery, NoiseReportJson } from './schema.js'

const suggestionJson = (s: AlarmThresholdSuggestion | null) =>
  s === null ? null : { ...s, from: iso(s.from), to: iso(s.to), actionableWindows: s.actionableWindows.map((w) => ({ from: iso(w.from), to: iso(w.to) })) }

/** The noise report: the noisiest alarms of a team (or service) over resolved alerts, with what to do. */
export function registerNoiseRoutes(app: Api, deps: HttpDeps): void {
  const db = deps.storage.db
  app.get('/api/v1/noise', { schema: { tags: ['noise'], summary: 'Noisiest alarms over resolved alerts (default: the last 30 days), with suggestions', querystring: NoiseQuery, response: { 200: NoiseReportJson, ...errorResponses } } }, async (request) => {
    const q = request.query
    const now = deps.clock.now()
    const to = q.to === undefined ? now : instantField(q.to, 'to')
    const from = q.from === undefined ? to - 30 * DAY_MS : instantField(q.from, 'from')
    if (from >= to) throw validationError([{ field: 'from', reason: 'must be before to' }])
    const services = q.serviceId !== undefined ? [await getService(db, q.serviceId)] : await listServices(db, q.teamId === undefined ? {} : { teamId: (await getTeam(db, q.teamId)).id })
    const names = new Map(services.map((s) => [s.id, s.name]))
    const lines = await noiseReport(db, now, { serviceIds: services.map((s) => s.id), from, to })
    return { from: iso(from), to: iso(to), items: lines.map((l) => ({ ...l, serviceName: names.get(l.serviceId) ?? l.serviceId, thresholdSuggestion: suggestionJson(l.thresholdSuggestion) })) }
  })
}
