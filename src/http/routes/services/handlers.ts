import { Type } from 'typebox'
import { requireTeamRole } from '../../../domain/auth/index.js'
import {
  createIntegration,
  createService,
  deleteIntegration,
  deleteService,
  getService,
  listIntegrations,
  listServices,
  updateService,
  type Integration,
  type Service,
} from '../../../domain/services/index.js'
import { getTeam } from '../../../domain/teams/index.js'
import type { Api, CommandRunner, HttpDeps } from '../../types.js'
import { errorResponses, IdParams, iso, ListOf } from '../common.js'

const ServiceBody = Type.Object(
  {
    name: Type.String({ maxLength: 100 }),
    teamId: Type.String({ description: 'owning team (id or name)' }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    dependsOn: Type.Optional(Type.Array(Type.String(), { maxItems: 200, description: 'ids of services this one depends on' })),
    escalationPolicyId: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: "who is paged; null = everyone on call on the team's schedules" })),
    urgencyRule: Type.Optional(Type.Record(Type.String(), Type.String(), { description: 'severity → urgency, e.g. {"warning":"high"}; default critical/error high, warning/info low' })),
    autoResolveMinutes: Type.Optional(Type.Union([Type.Integer(), Type.Null()], { description: 'resolve alerts silent this long; null (default) = never' })),
  },
  { additionalProperties: false },
)
const ServicePatch = Type.Partial(ServiceBody, { additionalProperties: false })
const ServiceJson = Type.Object({
  id: Type.String(),
  name: Type.String(),
  teamId: Type.String(),
  description: Type.String(),
  dependsOn: Type.Array(Type.String()),
  escalationPolicyId: Type.Union([Type.String(), Type.Null()]),
  urgencyRule: Type.Record(Type.String(), Type.String()),
  autoResolveMinutes: Type.Union([Type.Integer(), Type.Null()]),
  isDemo: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
})
const IntegrationBody = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 100 })),
    type: Type.Optional(Type.String({ description: 'events_v2 (default), alertmanager or generic' })),
    urgencyOverride: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: 'high or low: every alert from this key gets it' })),
    rateLimitPerMinute: Type.Optional(Type.Integer({ description: 'sustained events per minute (default 1200); beyond it, 429' })),
  },
  { additionalProperties: false },
)
const IntegrationJson = Type.Object({
  id: Type.String(),
  serviceId: Type.String(),
  name: Type.String(),
  type: Type.String(),
  keyPrefix: Type.String(),
  urgencyOverride: Type.Union([Type.String(), Type.Null()]),
  rateLimitPerMinute: Type.Integer(),
  createdAt: Type.String(),
})
const IntegrationCreated = Type.Object({ integration: IntegrationJson, key: Type.String({ description: 'shown once; send it as routing_key' }) })
const SubParams = Type.Object({ id: Type.String(), subId: Type.String() })

const serviceJson = (s: Service) => ({ ...s, dependsOn: [...s.dependsOn], urgencyRule: { ...s.urgencyRule }, createdAt: iso(s.createdAt), updatedAt: iso(s.updatedAt) })
const integrationJson = (i: Integration) => ({ ...i, createdAt: iso(i.createdAt) })

export function registerServiceRoutes(app: Api, deps: HttpDeps, run: CommandRunner): void {
  const tags = ['services']
  const ListQuery = Type.Object({ teamId: Type.Optional(Type.String()) })
  app.get('/api/v1/services', { schema: { tags, summary: 'List services', querystring: ListQuery, response: { 200: ListOf(ServiceJson) } } }, async (request) => {
    const teamId = request.query.teamId === undefined ? undefined : (await getTeam(deps.storage.db, request.query.teamId)).id
    return { items: (await listServices(deps.storage.db, { teamId })).map(serviceJson) }
  })

  app.post('/api/v1/services', { schema: { tags, summary: 'Create a service (admins of the owning team)', body: ServiceBody, response: { 201: ServiceJson, ...errorResponses } } }, async (request, reply) => {
    const service = await run(request, async (ctx) => {
      const team = await getTeam(ctx.db, request.body.teamId).catch(() => null)
      if (team !== null) requireTeamRole(ctx.principal, team.id, 'admin', 'Creating a service')
      return createService(ctx, { ...request.body, teamId: team?.id ?? request.body.teamId })
    })
    return reply.code(201).send(serviceJson(service))
  })

  app.get('/api/v1/services/:id', { schema: { tags, summary: 'Get a service by id or name', params: IdParams, response: { 200: ServiceJson, ...errorResponses } } }, async (request) =>
    serviceJson(await getService(deps.storage.db, request.params.id)),
  )

  app.patch('/api/v1/services/:id', { schema: { tags, summary: 'Update a service; dependency cycles are rejected', params: IdParams, body: ServicePatch, response: { 200: ServiceJson, ...errorResponses } } }, async (request) => {
    const service = await run(request, async (ctx) => {
      const before = await getService(ctx.db, request.params.id)
      requireTeamRole(ctx.principal, before.teamId, 'admin', 'Changing a service')
      let teamId = request.body.teamId
      if (teamId !== undefined) {
        teamId = (await getTeam(ctx.db, teamId)).id
        requireTeamRole(ctx.principal, teamId, 'admin', 'Moving a service to a team')
      }
      return updateService(ctx, before.id, { ...request.body, teamId })
    })
    return serviceJson(service)
  })

  app.delete('/api/v1/services/:id', { schema: { tags, summary: 'Delete a service nothing depends on', params: IdParams, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    await run(request, async (ctx) => {
      const before = await getService(ctx.db, request.params.id)
      requireTeamRole(ctx.principal, before.teamId, 'admin', 'Deleting a service')
      return deleteService(ctx, before.id)
    })
    return reply.code(204).send(null)
  })

  app.get('/api/v1/services/:id/integrations', { schema: { tags, summary: "List a service's integration keys (prefixes only)", params: IdParams, response: { 200: ListOf(IntegrationJson), ...errorResponses } } }, async (request) => {
    const service = await getService(deps.storage.db, request.params.id)
    return { items: (await listIntegrations(deps.storage.db, service.id)).map(integrationJson) }
  })

  app.post('/api/v1/services/:id/integrations', { schema: { tags, summary: 'Create an integration key (shown once)', params: IdParams, body: IntegrationBody, response: { 201: IntegrationCreated, ...errorResponses } } }, async (request, reply) => {
    const created = await run(request, async (ctx) => {
      const service = await getService(ctx.db, request.params.id)
      requireTeamRole(ctx.principal, service.teamId, 'admin', 'Creating an integration key')
      return createIntegration(ctx, service.id, request.body)
    })
    return reply.code(201).send({ integration: integrationJson(created.integration), key: created.key })
  })

  app.delete('/api/v1/services/:id/integrations/:subId', { schema: { tags, summary: 'Revoke an integration key', params: SubParams, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    await run(request, async (ctx) => {
      const service = await getService(ctx.db, request.params.id)
      requireTeamRole(ctx.principal, service.teamId, 'admin', 'Revoking an integration key')
      return deleteIntegration(ctx, service.id, request.params.subId)
    })
    return reply.code(204).send(null)
  })
}
