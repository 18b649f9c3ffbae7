import type { FastifyReply, FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import { requireTeamRole } from '../../../domain/auth/index.js'
import { createHeartbeat, deleteHeartbeat, getHeartbeat, listHeartbeats, listPings, recordPingByToken, type Heartbeat, type PingKind } from '../../../domain/heartbeats/index.js'
import { getService, listServices } from '../../../domain/services/index.js'
import { getTeam } from '../../../domain/teams/index.js'
import { updateHeartbeat } from '../../../domain/heartbeats/store.js'
import type { Api, CommandRunner, HttpDeps } from '../../types.js'
import { errorResponses, IdParams, iso, isoOrNull, ListOf, Nullable } from '../common.js'

const HeartbeatBody = Type.Object(
  {
    name: Type.String({ maxLength: 100 }),
    intervalSeconds: Type.Optional(Nullable(Type.Integer({ description: 'expected every N seconds (or give cron + timeZone)' }))),
    cron: Type.Optional(Nullable(Type.String({ description: 'five-field cron, e.g. "0 2 * * *"' }))),
    timeZone: Type.Optional(Nullable(Type.String({ description: 'IANA zone of the cron expression' }))),
    graceSeconds: Type.Optional(Type.Integer()),
    missesToAlarm: Type.Optional(Type.Integer({ description: 'N consecutive misses open the alert (default 3)' })),
    failMode: Type.Optional(Type.String({ description: 'immediate (default) or after_n' })),
  },
  { additionalProperties: false },
)
const HeartbeatJson = Type.Object({
  id: Type.String(),
  serviceId: Type.String(),
  name: Type.String(),
  tokenPrefix: Type.String(),
  spec: Type.Unknown(),
  status: Type.String(),
  alertOpen: Type.Boolean(),
  lastPingAt: Nullable(Type.String()),
  lastStartAt: Nullable(Type.String()),
  lastFailAt: Nullable(Type.String()),
  nextCheckAt: Type.String(),
  createdAt: Type.String(),
})
const Created = Type.Object({ heartbeat: HeartbeatJson, pingUrl: Type.String({ description: 'shown once: curl -fsS <pingUrl>' }) })

const heartbeatJson = (h: Heartbeat) => ({
  id: h.id,
  serviceId: h.serviceId,
  name: h.name,
  tokenPrefix: h.tokenPrefix,
  spec: h.spec,
  status: h.status,
  alertOpen: h.alertOpen,
  lastPingAt: isoOrNull(h.state.lastPingAt),
  lastStartAt: isoOrNull(h.state.lastStartAt),
  lastFailAt: isoOrNull(h.state.lastFailAt),
  nextCheckAt: iso(h.nextCheckAt),
  createdAt: iso(h.createdAt),
})

export function registerHeartbeatRoutes(app: Api, deps: HttpDeps, run: CommandRunner): void {
  const tags = ['heartbeats']
  const db = deps.storage.db

  app.get('/api/v1/heartbeats', { schema: { tags, summary: 'Heartbeats with their status (new, up, late, down, failing)', querystring: Type.Object({ serviceId: Type.Optional(Type.String()), teamId: Type.Optional(Type.String()) }), response: { 200: ListOf(HeartbeatJson), ...errorResponses } } }, async (request) => {
    let serviceIds: string[] | undefined
    if (request.query.serviceId !== undefined) serviceIds = [(await getService(db, request.query.serviceId)).id]
    else if (request.query.teamId !== undefined) serviceIds = (await listServices(db, { teamId: (await getTeam(db, request.query.teamId)).id })).map((s) => s.id)
    return { items: (await listHeartbeats(db, { serviceIds })).map(heartbeatJson) }
  })

  app.post('/api/v1/services/:id/heartbeats', { schema: { tags, summary: 'Create a heartbeat on a service; the ping URL is shown once', params: IdParams, body: HeartbeatBody, response: { 201: Created, ...errorResponses } } }, async (request, reply) => {
    const created = await run(request, async (ctx) => {
      const service = await getService(ctx.db, request.params.id)
      requireTeamRole(ctx.principal, service.teamId, 'admin', 'Creating a heartbeat')
      return createHeartbeat(ctx, service.id, request.body)
    })
    return reply.code(201).send({ heartbeat: heartbeatJson(created.heartbeat), pingUrl: `${deps.config.publicUrl}/ping/${created.token}` })
  })

  app.get('/api/v1/heartbeats/:id', { schema: { tags, summary: 'A heartbeat and its last pings (with bodies of failures)', params: IdParams } }, async (request) => {
    const hb = await getHeartbeat(db, request.params.id)
    return { heartbeat: heartbeatJson(hb), pings: (await listPings(db, hb.id, 50)).map((p) => ({ ...p, at: iso(p.at) })) }
  })

  app.patch('/api/v1/heartbeats/:id', { schema: { tags, summary: 'Change a heartbeat', params: IdParams, body: Type.Partial(HeartbeatBody, { additionalProperties: false }), response: { 200: HeartbeatJson, ...errorResponses } } }, async (request) =>
    heartbeatJson(
      await run(request, async (ctx) => {
        const hb = await getHeartbeat(ctx.db, request.params.id)
        requireTeamRole(ctx.principal, (await getService(ctx.db, hb.serviceId)).teamId, 'admin', 'Changing a heartbeat')
        return updateHeartbeat(ctx, hb.id, request.body)
      }),
    ),
  )

  app.delete('/api/v1/heartbeats/:id', { schema: { tags, summary: 'Delete a heartbeat', params: IdParams, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    await run(request, async (ctx) => {
      const hb = await getHeartbeat(ctx.db, request.params.id)
      requireTeamRole(ctx.principal, (await getService(ctx.db, hb.serviceId)).teamId, 'admin', 'Deleting a heartbeat')
      await deleteHeartbeat(ctx, hb.id)
    })
    return reply.code(204).send(null)
  })

  // Pings are public (the token in the URL is the credential) and accept any body type, as cron
  // jobs send whatever `curl --data-binary @log` gives them. Kept in their own scope so the
  // catch-all body parser does not loosen the rest of the API.
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers()
    scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 100 * 1024 }, (_req, body, done) => done(null, body))
    const ping = (kind: PingKind) => async (request: FastifyRequest<{ Params: { token: string } }>, reply: FastifyReply) => {
      const perMinute = 120
      if (deps.rateLimiter.take(`ping:${request.params.token}`, perMinute) > 0) return reply.code(429).type('text/plain').send('too many pings; at most 120 a minute\n')
      const body = typeof request.body === 'string' ? request.body : null
      const hb = await deps.storage.db.transaction().execute((trx) => recordPingByToken(trx, deps.clock.now(), request.params.token, kind, body, request.ip))
      if (hb === null) return reply.code(404).type('text/plain').send('not found: no heartbeat has this ping URL\n')
      deps.wakeEngine()
      return reply.type('text/plain').send('OK\n')
    }
    const opts = { config: { public: true }, schema: { tags, security: [], params: Type.Object({ token: Type.String() }) } }
    for (const [suffix, kind] of [['', 'success'], ['/start', 'start'], ['/fail', 'fail']] as const) {
      scope.get(`/ping/:token${suffix}`, { ...opts, schema: { ...opts.schema, summary: `Heartbeat ping (${kind})` } }, ping(kind))
      scope.post(`/ping/:token${suffix}`, { ...opts, schema: { ...opts.schema, summary: `Heartbeat ping (${kind}); the body (≤ 10 KiB kept) is stored with it` } }, ping(kind))
    }
  })
}
