import { Type } from 'typebox'
import { listDatapoints, normalizeDatapoints, storeDatapoints, type DatapointInput } from '../../../domain/alarms/index.js'
import { findIntegrationByKey } from '../../../domain/services/index.js'
import { AppError, validationError } from '../../../lib/errors.js'
import { HOUR_MS } from '../../../lib/time/index.js'
import type { Api, HttpDeps } from '../../types.js'
import { errorResponses, instantField, iso, ListOf } from '../common.js'
import { MetricPointJson, MetricsAccepted, MetricsBody, MetricsQuery } from './schema.js'

/** A full batch (10 000 datapoints) is about 1.5 MB of JSON. */
const METRICS_BODY_LIMIT = 8 * 1024 * 1024
/** Pushes a minute per integration key on the public path. */
const PUSHES_PER_MINUTE = 600

/** Parses "name=value,name=value" into a selector, naming the query field on error. */
function parseLabels(text: string | undefined): Record<string, string> {
  if (text === undefined || text.trim() === '') return {}
  const out: Record<string, string> = {}
  for (const part of text.split(',')) {
    const eq = part.indexOf('=')
    if (eq <= 0) throw validationError([{ field: 'labels', reason: `expected name=value pairs separated by commas, got ${JSON.stringify(part)}` }])
    out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim()
  }
  return out
}

/**
 * Metric push: `POST /api/v1/metrics` (API token) and `POST /metrics/<integration key>` (the key
 * in the path is the credential, for senders that cannot hold a token). A batch is validated
 * whole and stored in one transaction: a bad datapoint rejects the request, naming its index
 * and field, and nothing of it is stored.
 */
export function registerMetricRoutes(app: Api, deps: HttpDeps): void {
  const tags = ['metrics']
  const bodyLimit = Math.max(deps.config.bodyLimitBytes, METRICS_BODY_LIMIT)

  const store = async (datapoints: readonly DatapointInput[]): Promise<number> => {
    const now = deps.clock.now()
    const points = normalizeDatapoints(datapoints, now)
    await deps.storage.db.transaction().execute((trx) => storeDatapoints(trx, points))
    return points.length
  }

  app.post('/api/v1/metrics', { bodyLimit, schema: { tags, summary: 'Push metric datapoints (batched, all or nothing)', body: MetricsBody, response: { 202: MetricsAccepted, ...errorResponses } } }, async (request, reply) => {
    return reply.code(202).send({ accepted: await store(request.body.datapoints) })
  })

  app.post(
    '/metrics/:key',
    { bodyLimit, config: { public: true }, schema: { tags, security: [], summary: 'Push metric datapoints with an integration key in the path', params: Type.Object({ key: Type.String({ minLength: 1, maxLength: 128 }) }), body: MetricsBody, response: { 202: MetricsAccepted, ...errorResponses } } },
    async (request, reply) => {
      const integration = await findIntegrationByKey(deps.storage.db, request.params.key)
      if (integration === null) throw new AppError('E_NOT_FOUND', 'No integration has this key')
      const wait = deps.rateLimiter.take(`metrics:${integration.id}`, PUSHES_PER_MINUTE)
      if (wait > 0) {
        void reply.header('retry-after', String(Math.ceil(wait)))
        throw new AppError('E_RATE_LIMITED', `At most ${PUSHES_PER_MINUTE} pushes a minute per key; batch datapoints instead`)
      }
      return reply.code(202).send({ accepted: await store(request.body.datapoints) })
    },
  )

  app.get('/api/v1/metrics', { schema: { tags, summary: 'Datapoints of a metric (newest first), filtered by labels', querystring: MetricsQuery, response: { 200: ListOf(MetricPointJson), ...errorResponses } } }, async (request) => {
    const q = request.query
    const to = q.to === undefined ? deps.clock.now() + 1 : instantField(q.to, 'to')
    const from = q.from === undefined ? to - HOUR_MS : instantField(q.from, 'from')
    const points = await listDatapoints(deps.storage.db, { metric: q.name, selector: parseLabels(q.labels) }, from, to, q.limit ?? 1000)
    return { items: points.map((p) => ({ name: p.name, labels: p.labels, value: p.value, at: iso(p.at) })) }
  })
}
