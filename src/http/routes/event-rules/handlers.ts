import { Type } from 'typebox'
import { findOpenAlert } from '../../../domain/alerts/index.js'
import { requireTeamRole } from '../../../domain/auth/index.js'
import {
  createEventRule,
  deleteEventRule,
  getEventRule,
  listEventRules,
  listFlappingSources,
  listHeldEvents,
  listServiceEvents,
  reorderEventRules,
  updateEventRule,
  type EventRuleBody as DomainBody,
  type HeldEvent,
  type StoredEventRule,
} from '../../../domain/event-rules/index.js'
import { getService } from '../../../domain/services/index.js'
import type { Api, CommandRunner, HttpDeps } from '../../types.js'
import { errorResponses, IdParams, instantField, iso, isoOrNull, ListOf } from '../common.js'
import { EventRuleBody, EventRuleJson, EventRulePatch, EventsQuery, FlappingJson, HeldJson, ReorderBody, ServiceEventJson } from './schema.js'

const ruleJson = (r: StoredEventRule) => ({
  id: r.id,
  serviceId: r.serviceId,
  position: r.position,
  name: r.name,
  disabled: r.rule.disabled,
  conditions: r.rule.conditions,
  actions: r.rule.actions,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
})

const heldJson = (h: HeldEvent) => ({ ...h, releaseAt: iso(h.releaseAt), settledAt: isoOrNull(h.settledAt), createdAt: iso(h.createdAt) })

/**
 * Event rules per service (ordered; the first matching rule decides), and what they did: the
 * service's inbound events with the rule that suppressed or held each, the holds, and the
 * dedup keys that flap.
 */
export function registerEventRuleRoutes(app: Api, deps: HttpDeps, run: CommandRunner): void {
  const tags = ['event-rules']
  const db = deps.storage.db

  app.get('/api/v1/services/:id/event-rules', { schema: { tags, summary: "A service's event rules in evaluation order", params: IdParams, response: { 200: ListOf(EventRuleJson), ...errorResponses } } }, async (request) => {
    const service = await getService(db, request.params.id)
    return { items: (await listEventRules(db, service.id)).map(ruleJson) }
  })

  app.post('/api/v1/services/:id/event-rules', { schema: { tags, summary: 'Add an event rule (last, or at position)', params: IdParams, body: EventRuleBody, response: { 201: EventRuleJson, ...errorResponses } } }, async (request, reply) => {
    const rule = await run(request, async (ctx) => {
      const service = await getService(ctx.db, request.params.id)
      requireTeamRole(ctx.principal, service.teamId, 'admin', 'Adding an event rule')
      return createEventRule(ctx, service.id, request.body as DomainBody)
    })
    return reply.code(201).send(ruleJson(rule))
  })

  app.put('/api/v1/services/:id/event-rules/order', { schema: { tags, summary: 'Reorder the rules: give every rule id in the new order', params: IdParams, body: ReorderBody, response: { 200: ListOf(EventRuleJson), ...errorResponses } } }, async (request) => {
    const rules = await run(request, async (ctx) => {
      const service = await getService(ctx.db, request.params.id)
      requireTeamRole(ctx.principal, service.teamId, 'admin', 'Reordering event rules')
      return reorderEventRules(ctx, service.id, request.body.ids)
    })
    return { items: rules.map(ruleJson) }
  })

  app.get('/api/v1/event-rules/:id', { schema: { tags, summary: 'An event rule', params: IdParams, response: { 200: EventRuleJson, ...errorResponses } } }, async (request) => ruleJson(await getEventRule(db, request.params.id)))

  app.patch('/api/v1/event-rules/:id', { schema: { tags, summary: 'Change an event rule (name, conditions, actions, disabled, position)', params: IdParams, body: EventRulePatch, response: { 200: EventRuleJson, ...errorResponses } } }, async (request) => {
    const rule = await run(request, async (ctx) => {
      const before = await getEventRule(ctx.db, request.params.id)
      requireTeamRole(ctx.principal, (await getService(ctx.db, before.serviceId)).teamId, 'admin', 'Changing an event rule')
      return updateEventRule(ctx, before.id, request.body as DomainBody)
    })
    return ruleJson(rule)
  })

  app.delete('/api/v1/event-rules/:id', { schema: { tags, summary: 'Delete an event rule', params: IdParams, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    await run(request, async (ctx) => {
      const before = await getEventRule(ctx.db, request.params.id)
      requireTeamRole(ctx.principal, (await getService(ctx.db, before.serviceId)).teamId, 'admin', 'Deleting an event rule')
      await deleteEventRule(ctx, before.id)
    })
    return reply.code(204).send(null)
  })

  app.get(
    '/api/v1/services/:id/events',
    { schema: { tags, summary: "A service's inbound events, newest first, with the rule that suppressed or held each (outcome=suppressed lists what rules kept quiet)", params: IdParams, querystring: EventsQuery, response: { 200: ListOf(ServiceEventJson), ...errorResponses } } },
    async (request) => {
      const service = await getService(db, request.params.id)
      const q = request.query
      const items = await listServiceEvents(db, service.id, { outcome: q.outcome, before: q.before === undefined ? undefined : instantField(q.before, 'before'), limit: q.limit ?? 100 })
      return { items: items.map((e) => ({ ...e, receivedAt: iso(e.receivedAt), hold: e.hold === null ? null : heldJson(e.hold) })) }
    },
  )

  app.get(
    '/api/v1/services/:id/held-events',
    { schema: { tags, summary: 'Alerts an event rule or flap detection is holding back (status=held), and how earlier holds ended', params: IdParams, querystring: Type.Object({ status: Type.Optional(Type.String()), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) }), response: { 200: ListOf(HeldJson), ...errorResponses } } },
    async (request) => {
      const service = await getService(db, request.params.id)
      return { items: (await listHeldEvents(db, service.id, { status: request.query.status, limit: request.query.limit ?? 100 })).map(heldJson) }
    },
  )

  app.get('/api/v1/services/:id/flapping', { schema: { tags, summary: 'Inbound dedup keys of the service that flap now (last 6 hours of events)', params: IdParams, response: { 200: ListOf(FlappingJson), ...errorResponses } } }, async (request) => {
    const service = await getService(db, request.params.id)
    const sources = await listFlappingSources(db, service.id, deps.clock.now())
    const items = []
    for (const s of sources) items.push({ ...s, lastEventAt: iso(s.lastEventAt), alertId: (await findOpenAlert(db, service.id, s.dedupKey))?.id ?? null })
    return { items }
  })
}
