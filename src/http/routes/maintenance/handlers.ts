import { Type } from 'typebox'
import { requireTeamRole } from '../../../domain/auth/index.js'
import { createWindow, endWindow, getWindow, heldByWindow, listWindows, phaseOf, type MaintenanceWindow } from '../../../domain/maintenance/index.js'
import { getService, listServices } from '../../../domain/services/index.js'
import { getTeam } from '../../../domain/teams/index.js'
import type { Instant } from '../../../lib/time/index.js'
import type { Api, CommandRunner, HttpDeps } from '../../types.js'
import { errorResponses, IdParams, instantField, iso, isoOrNull, ListOf, Nullable, Rfc3339 } from '../common.js'

const WindowBody = Type.Object(
  {
    reason: Type.String({ maxLength: 500, description: 'why; shown on every alert the window holds' }),
    start: Type.Optional(Rfc3339),
    end: Type.Optional(Rfc3339),
    durationMinutes: Type.Optional(Type.Integer({ description: 'instead of end: minutes from the start (ad hoc: from now)' })),
  },
  { additionalProperties: false },
)

const WindowJson = Type.Object({
  id: Type.String(),
  serviceId: Type.String(),
  reason: Type.String(),
  start: Type.String(),
  end: Type.String(),
  phase: Type.String({ description: 'scheduled, active, ended or cancelled' }),
  endedBy: Nullable(Type.String()),
  createdAt: Type.String(),
})

const HeldJson = Type.Object({
  alertId: Type.String(),
  dedupKey: Type.String(),
  summary: Type.String(),
  heldAt: Type.String(),
  status: Type.String({ description: 'held (until the end), released (paged at the end) or dropped (resolved or acknowledged in time)' }),
  outcome: Nullable(Type.String()),
  settledAt: Nullable(Type.String()),
})

const windowJson = (w: MaintenanceWindow, now: Instant) => ({
  id: w.id,
  serviceId: w.serviceId,
  reason: w.reason,
  start: iso(w.startsAt),
  end: iso(w.endsAt),
  phase: phaseOf(w, now),
  endedBy: w.endedBy,
  createdAt: iso(w.createdAt),
})

/** Maintenance windows per service: create (scheduled or ad hoc), list, end or cancel, and what each held. */
export function registerMaintenanceRoutes(app: Api, deps: HttpDeps, run: CommandRunner): void {
  const tags = ['maintenance']
  const db = deps.storage.db

  app.post(
    '/api/v1/services/:id/maintenance-windows',
    { schema: { tags, summary: 'Open a maintenance window: now for durationMinutes (ad hoc) or from start to end (scheduled)', params: IdParams, body: WindowBody, response: { 201: WindowJson, ...errorResponses } } },
    async (request, reply) => {
      const window = await run(request, async (ctx) => {
        const service = await getService(ctx.db, request.params.id)
        requireTeamRole(ctx.principal, service.teamId, 'responder', 'Opening a maintenance window')
        const b = request.body
        return createWindow(ctx, service.id, {
          reason: b.reason,
          startsAt: b.start === undefined ? undefined : instantField(b.start, 'start'),
          endsAt: b.end === undefined ? undefined : instantField(b.end, 'end'),
          durationMinutes: b.durationMinutes,
        })
      })
      return reply.code(201).send(windowJson(window, deps.clock.now()))
    },
  )

  app.get(
    '/api/v1/maintenance-windows',
    {
      schema: {
        tags,
        summary: 'Maintenance windows, newest first; filter by service or team, or only those not yet over',
        querystring: Type.Object({ serviceId: Type.Optional(Type.String()), teamId: Type.Optional(Type.String()), open: Type.Optional(Type.Boolean()), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) }),
        response: { 200: ListOf(WindowJson), ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query
      let serviceIds: string[] | undefined
      if (q.serviceId !== undefined) serviceIds = [(await getService(db, q.serviceId)).id]
      else if (q.teamId !== undefined) serviceIds = (await listServices(db, { teamId: (await getTeam(db, q.teamId)).id })).map((s) => s.id)
      const now = deps.clock.now()
      const items = await listWindows(db, { ...(serviceIds === undefined ? {} : { serviceIds }), ...(q.open === true ? { openAt: now } : {}), limit: q.limit ?? 100 })
      return { items: items.map((w) => windowJson(w, now)) }
    },
  )

  app.get(
    '/api/v1/maintenance-windows/:id',
    { schema: { tags, summary: 'A maintenance window and every alert it held, with how each ended', params: IdParams, response: { 200: Type.Object({ window: WindowJson, held: Type.Array(HeldJson) }), ...errorResponses } } },
    async (request) => {
      const window = await getWindow(db, request.params.id)
      const held = await heldByWindow(db, window.id)
      return { window: windowJson(window, deps.clock.now()), held: held.map((h) => ({ alertId: h.alertId, dedupKey: h.dedupKey, summary: h.summary, heldAt: iso(h.heldAt), status: h.status, outcome: h.outcome, settledAt: isoOrNull(h.settledAt) })) }
    },
  )

  app.post(
    '/api/v1/maintenance-windows/:id/end',
    { schema: { tags, summary: 'End an open window now (held alerts still open page at once), or cancel one that has not begun', params: IdParams, response: { 200: WindowJson, ...errorResponses } } },
    async (request) => {
      const window = await run(request, async (ctx) => {
        const w = await getWindow(ctx.db, request.params.id)
        requireTeamRole(ctx.principal, (await getService(ctx.db, w.serviceId)).teamId, 'responder', 'Ending a maintenance window')
        return endWindow(ctx, w.id)
      })
      deps.wakeEngine()
      return windowJson(window, deps.clock.now())
    },
  )
}
