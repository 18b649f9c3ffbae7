import type { FastifyReply, FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import { parseAlertmanager, parseChangeV2, parseEventsV2, parseGeneric, IngestOverloadError, type IngestJob } from '../../../domain/intake/index.js'
import { newId } from '../../../lib/ids.js'
import { AppError } from '../../../lib/errors.js'
import type { Api, HttpDeps } from '../../types.js'
import type { IntegrationCache } from './integration-cache.js'
import type { AlertEvent } from '../../../domain/alerts/index.js'

const KeyParams = Type.Object({ key: Type.String({ minLength: 1, maxLength: 128 }) })

/**
 * Event intake. `/v2/enqueue` and `/v2/change/enqueue` speak PagerDuty's Events API v2 (same
 * paths, bodies, answers and error shapes), so existing integrations only change the host; the
 * same endpoints live under `/api/v1/`. Alertmanager and generic webhooks carry the integration
 * key in the path. Each event is durably stored before the 202.
 */
export function registerIntakeRoutes(app: Api, deps: HttpDeps, integrations: IntegrationCache): void {
  const config = { public: true }
  const tags = ['intake']
  const body = Type.Unknown()

  const enqueue = async (request: FastifyRequest, reply: FastifyReply) => {
    const parsed = parseEventsV2(request.body)
    if (!parsed.ok) return reply.code(400).send({ status: 'invalid event', message: 'Event object is invalid', errors: parsed.errors })
    const target = await integrations.resolve(parsed.routingKey)
    if (target === null) return reply.code(400).send({ status: 'invalid event', message: 'Event object is invalid', errors: ['Invalid routing key: no Tend integration has this key'] })
    const limited = limit(deps, target.integration.id, target.integration.rateLimitPerMinute, 1, reply)
    if (limited !== null) return limited
    const result = await submit(deps, reply, jobFor(request, target, 'events_v2', [parsed.event]))
    if (result === null) return reply
    return reply.code(202).send({ status: 'success', message: 'Event processed', dedup_key: parsed.event.dedupKey })
  }
  const enqueueSchema = { tags, summary: 'PagerDuty Events API v2 compatible alert event (trigger, acknowledge, resolve)', security: [], body }
  app.post('/v2/enqueue', { config, schema: enqueueSchema }, enqueue)
  app.post('/api/v1/enqueue', { config, schema: { ...enqueueSchema, summary: 'Same as /v2/enqueue' } }, enqueue)

  const changeEnqueue = async (request: FastifyRequest, reply: FastifyReply) => {
    const parsed = parseChangeV2(request.body)
    if (!parsed.ok) return reply.code(400).send({ status: 'invalid event', message: 'Event object is invalid', errors: parsed.errors })
    const target = await integrations.resolve(parsed.routingKey)
    if (target === null) return reply.code(400).send({ status: 'invalid event', message: 'Event object is invalid', errors: ['Invalid routing key: no Tend integration has this key'] })
    const limited = limit(deps, target.integration.id, target.integration.rateLimitPerMinute, 1, reply)
    if (limited !== null) return limited
    const now = deps.clock.now()
    await deps.storage.db
      .insertInto('service_changes')
      .values({
        id: newId(),
        service_id: target.service.id,
        integration_id: target.integration.id,
        kind: 'change',
        summary: parsed.change.summary,
        source: parsed.change.source,
        at: parsed.change.timestamp ?? now,
        received_at: now,
        details_json: JSON.stringify(parsed.change.details),
        links_json: JSON.stringify(parsed.change.links),
      })
      .execute()
    return reply.code(202).send({ status: 'success', message: 'Change event processed' })
  }
  const changeSchema = { tags, summary: 'PagerDuty Events API v2 compatible change event: recorded on the service, never pages', security: [], body }
  app.post('/v2/change/enqueue', { config, schema: changeSchema }, changeEnqueue)
  app.post('/api/v1/change/enqueue', { config, schema: { ...changeSchema, summary: 'Same as /v2/change/enqueue' } }, changeEnqueue)

  app.post('/webhooks/alertmanager/:key', { config, schema: { tags, summary: 'Prometheus Alertmanager webhook receiver (payload version 4); the integration key is in the path', security: [], params: KeyParams, body } }, async (request, reply) => {
    const target = await integrations.resolve(request.params.key)
    if (target === null) throw new AppError('E_NOT_FOUND', 'No Tend integration has this key; check the URL in the Alertmanager receiver')
    const parsed = parseAlertmanager(request.body)
    if (!parsed.ok) throw new AppError('E_VALIDATION', `Not an Alertmanager v4 payload: ${parsed.errors.join('; ')}`, { fields: parsed.errors.map((e) => ({ field: e.split(' ')[0] ?? '(body)', reason: e })) })
    const limited = limit(deps, target.integration.id, target.integration.rateLimitPerMinute, parsed.events.length, reply)
    if (limited !== null) return limited
    const results = await submit(deps, reply, jobFor(request, target, 'alertmanager', parsed.events))
    if (results === null) return reply
    return reply.code(202).send({ status: 'success', alerts: results.map((r, i) => ({ dedup_key: parsed.events[i]?.dedupKey, outcome: r.outcome, alertId: r.alertId })) })
  })

  app.post('/webhooks/generic/:key', { config, schema: { tags, summary: 'Generic JSON webhook with a documented field mapping (see README)', security: [], params: KeyParams, body } }, async (request, reply) => {
    const target = await integrations.resolve(request.params.key)
    if (target === null) throw new AppError('E_NOT_FOUND', 'No Tend integration has this key')
    const parsed = parseGeneric(request.body)
    if (!parsed.ok) throw new AppError('E_VALIDATION', parsed.errors.join('; '), { fields: parsed.errors.map((e) => ({ field: e.split(' ')[0] ?? '(body)', reason: e })) })
    const limited = limit(deps, target.integration.id, target.integration.rateLimitPerMinute, 1, reply)
    if (limited !== null) return limited
    const results = await submit(deps, reply, jobFor(request, target, 'generic', [parsed.event]))
    if (results === null) return reply
    return reply.code(202).send({ status: 'success', dedup_key: parsed.event.dedupKey, outcome: results[0]?.outcome, alertId: results[0]?.alertId })
  })
}

function jobFor(request: FastifyRequest, target: NonNullable<Awaited<ReturnType<IntegrationCache['resolve']>>>, sourceType: IngestJob['sourceType'], events: AlertEvent[]): IngestJob {
  return {
    service: target.service,
    integrationId: target.integration.id,
    sourceType,
    rawBody: request.rawBody ?? JSON.stringify(request.body),
    events,
    actor: { userId: null, label: `integration:${target.integration.name}` },
    origin: `integration:${target.integration.id}`,
    urgencyOverride: target.integration.urgencyOverride,
  }
}

/** Applies the integration's rate limit; answers 429 with Retry-After (PagerDuty's shape) when exceeded. */
function limit(deps: HttpDeps, key: string, perMinute: number, n: number, reply: FastifyReply): FastifyReply | null {
  const wait = deps.rateLimiter.take(key, perMinute, n)
  if (wait === 0) return null
  return reply.code(429).header('retry-after', String(wait)).send({ status: 'throttle exceeded', message: `Requests for this service are arriving too quickly. Please retry later (in ${wait} s).` })
}

/** Submits to the ingestor; past capacity it answers 503 (never a silent drop) and returns null. */
async function submit(deps: HttpDeps, reply: FastifyReply, job: IngestJob) {
  if (deps.overloaded()) {
    await reply.code(503).header('retry-after', '1').send({ status: 'unavailable', message: 'Tend is past capacity right now. Nothing from this request was stored; retry shortly.' })
    return null
  }
  try {
    return await deps.ingestor.submit(job)
  } catch (err) {
    if (!(err instanceof IngestOverloadError)) throw err
    await reply.code(503).header('retry-after', '1').send({ status: 'unavailable', message: `${err.message}. Nothing from this request was stored.` })
    return null
  }
}
