import { Type } from 'typebox'
import { hasTeamRole, requireTeamRole, type Principal } from '../../../domain/auth/index.js'
import {
  createOverride,
  createSchedule,
  deleteOverride,
  deleteSchedule,
  getSchedule,
  listSchedules,
  loadOverrides,
  MAX_SHIFT_RANGE_MS,
  onCallAcross,
  scheduleOnCall,
  scheduleShifts,
  updateSchedule,
  userShifts,
  type OnCallNow,
  type OverrideRecord,
  type Schedule,
  type Shift,
} from '../../../domain/schedules/index.js'
import { getService } from '../../../domain/services/index.js'
import { getTeam } from '../../../domain/teams/index.js'
import { findUserByRef, usersById, type User } from '../../../domain/users/index.js'
import { AppError, forbidden } from '../../../lib/errors.js'
import { DAY_MS, type Instant } from '../../../lib/time/index.js'
import type { Db } from '../../../storage/index.js'
import { requirePrincipal } from '../../server.js'
import type { Api, CommandRunner, HttpDeps } from '../../types.js'
import { errorResponses, IdParams, instantField, iso, isoOrNull, ListOf } from '../common.js'
import { AtQuery, OnCallJson, OverrideBody, OverrideJson, ScheduleBody, ScheduleJson, SchedulePatch, ShiftJson, ShiftsQuery } from './schema.js'
import { registerICalRoutes } from './ical.js'

type PersonJson = { id: string; name: string; email: string; timeZone: string }
const personJson = (u: User | undefined): PersonJson | null => (u === undefined ? null : { id: u.id, name: u.name, email: u.email, timeZone: u.timeZone })

export const scheduleJson = (s: Schedule) => ({
  id: s.id,
  name: s.name,
  teamId: s.teamId,
  description: s.description,
  timeZone: s.timeZone,
  isDemo: s.isDemo,
  createdAt: iso(s.createdAt),
  updatedAt: iso(s.updatedAt),
  layers: s.layers.map((l) => ({
    ...l,
    startsAt: iso(l.startsAt),
    endsAt: isoOrNull(l.endsAt),
    members: [...l.members],
    restrictions: l.restrictions.map((r) => ({ ...r, days: [...r.days] })),
  })),
})

const overrideJson = (o: OverrideRecord) => ({
  id: o.id,
  scheduleId: o.scheduleId,
  userId: o.userId,
  replacesUserId: o.replacesUserId,
  kind: o.kind,
  start: iso(o.start),
  end: iso(o.end),
  reason: o.reason,
  createdBy: o.createdBy,
  createdAt: iso(o.createdAt),
})

/** A shift for the API; layer sources carry the layer's name so people see "Weekly 24/7", not an id. */
export function shiftJson(s: Shift, users: Map<string, User>, schedule?: Schedule) {
  const layerName = s.source.type === 'layer' ? schedule?.layers.find((l) => l.id === (s.source as { layerId: string }).layerId)?.name : undefined
  return {
    start: iso(s.start),
    end: iso(s.end),
    user: s.userId === null ? null : personJson(users.get(s.userId)),
    source: { ...s.source, ...(layerName === undefined ? {} : { layerName }) },
  }
}

async function onCallJson(db: Db, o: OnCallNow) {
  const ids = [o.shift.userId, o.nextHandoff?.from ?? null, o.nextHandoff?.to ?? null].filter((x): x is string => x !== null)
  const users = await usersById(db, ids)
  return {
    scheduleId: o.schedule.id,
    scheduleName: o.schedule.name,
    teamId: o.schedule.teamId,
    at: iso(o.at),
    shift: shiftJson(o.shift, users, o.schedule),
    nextHandoff:
      o.nextHandoff === null
        ? null
        : { at: iso(o.nextHandoff.at), from: o.nextHandoff.from === null ? null : personJson(users.get(o.nextHandoff.from)), to: o.nextHandoff.to === null ? null : personJson(users.get(o.nextHandoff.to)) },
  }
}

/** Layer members and override people may be given by email; the domain works with ids. */
async function resolvePeople(db: Db, refs: readonly string[]): Promise<string[]> {
  return Promise.all(refs.map(async (r) => (r.includes('@') ? ((await findUserByRef(db, r))?.id ?? r) : r)))
}

function parseRange(now: Instant, q: { from?: string | undefined; to?: string | undefined }, defaultDays: number): { from: Instant; to: Instant } {
  const from = q.from === undefined ? now : instantField(q.from, 'from')
  const to = q.to === undefined ? from + defaultDays * DAY_MS : instantField(q.to, 'to')
  if (to <= from) throw new AppError('E_VALIDATION', 'to: must be after from', { fields: [{ field: 'to', reason: 'must be after from' }] })
  if (to - from > MAX_SHIFT_RANGE_MS) throw new AppError('E_VALIDATION', 'to: range too long', { fields: [{ field: 'to', reason: 'must be at most 400 days after from' }] })
  return { from, to }
}

/** Responders of the owning team run the schedule (overrides); team admins change its shape. */
function requireScheduleRole(p: Principal, s: Schedule, role: 'responder' | 'admin', what: string): void {
  requireTeamRole(p, s.teamId, role, what)
}

export function registerScheduleRoutes(app: Api, deps: HttpDeps, run: CommandRunner): void {
  const tags = ['schedules']
  const db = deps.storage.db

  app.get('/api/v1/schedules', { schema: { tags, summary: 'List schedules', querystring: Type.Object({ teamId: Type.Optional(Type.String()) }), response: { 200: ListOf(ScheduleJson) } } }, async (request) => {
    const teamId = request.query.teamId === undefined ? undefined : (await getTeam(db, request.query.teamId)).id
    return { items: (await listSchedules(db, { teamId })).map(scheduleJson) }
  })

  app.post('/api/v1/schedules', { schema: { tags, summary: 'Create a schedule (admins of the owning team)', body: ScheduleBody, response: { 201: ScheduleJson, ...errorResponses } } }, async (request, reply) => {
    const schedule = await run(request, async (ctx) => {
      const team = await getTeam(ctx.db, request.body.teamId).catch(() => null)
      if (team !== null) requireTeamRole(ctx.principal, team.id, 'admin', 'Creating a schedule')
      const layers = await Promise.all(request.body.layers.map(async (l) => ({ ...l, members: await resolvePeople(ctx.db, l.members) })))
      return createSchedule(ctx, { ...request.body, teamId: team?.id ?? request.body.teamId, layers })
    })
    return reply.code(201).send(scheduleJson(schedule))
  })

  app.get('/api/v1/schedules/:id', { schema: { tags, summary: 'Get a schedule by id or name', params: IdParams, response: { 200: ScheduleJson, ...errorResponses } } }, async (request) =>
    scheduleJson(await getSchedule(db, request.params.id)),
  )

  app.patch('/api/v1/schedules/:id', { schema: { tags, summary: 'Update a schedule; `layers` replaces all layers', params: IdParams, body: SchedulePatch, response: { 200: ScheduleJson, ...errorResponses } } }, async (request) => {
    const schedule = await run(request, async (ctx) => {
      const before = await getSchedule(ctx.db, request.params.id)
      requireScheduleRole(ctx.principal, before, 'admin', 'Changing a schedule')
      let teamId = request.body.teamId
      if (teamId !== undefined) {
        teamId = (await getTeam(ctx.db, teamId)).id
        requireTeamRole(ctx.principal, teamId, 'admin', 'Moving a schedule to a team')
      }
      const layers = request.body.layers === undefined ? undefined : await Promise.all(request.body.layers.map(async (l) => ({ ...l, members: await resolvePeople(ctx.db, l.members) })))
      return updateSchedule(ctx, before.id, { ...request.body, teamId, layers })
    })
    return scheduleJson(schedule)
  })

  app.delete('/api/v1/schedules/:id', { schema: { tags, summary: 'Delete a schedule', params: IdParams, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    await run(request, async (ctx) => {
      const before = await getSchedule(ctx.db, request.params.id)
      requireScheduleRole(ctx.principal, before, 'admin', 'Deleting a schedule')
      return deleteSchedule(ctx, before.id)
    })
    return reply.code(204).send(null)
  })

  app.get(
    '/api/v1/schedules/:id/shifts',
    { schema: { tags, summary: 'Computed shifts of the final schedule (and its layers) over a range; gaps have user null', params: IdParams, querystring: ShiftsQuery, response: { 200: Type.Object({ from: Type.String(), to: Type.String(), final: Type.Array(ShiftJson), layers: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), shifts: Type.Array(ShiftJson) })), overrides: Type.Array(OverrideJson) }), ...errorResponses } } },
    async (request) => {
      const schedule = await getSchedule(db, request.params.id)
      const { from, to } = parseRange(deps.clock.now(), request.query, 14)
      const result = await scheduleShifts(db, schedule, from, to, request.query.layers === true)
      const ids = [...result.final, ...result.layers.flatMap((l) => l.shifts)].map((s) => s.userId).filter((x): x is string => x !== null)
      const users = await usersById(db, [...ids, ...result.overrides.map((o) => o.userId)])
      return {
        from: iso(from),
        to: iso(to),
        final: result.final.map((s) => shiftJson(s, users, schedule)),
        layers: result.layers.map((l) => ({ id: l.id, name: l.name, shifts: l.shifts.map((s) => shiftJson(s, users, schedule)) })),
        overrides: result.overrides.map(overrideJson),
      }
    },
  )

  app.get('/api/v1/schedules/:id/oncall', { schema: { tags, summary: 'Who is on call on a schedule now (or at `at`) and the next handoff', params: IdParams, querystring: AtQuery, response: { 200: OnCallJson, ...errorResponses } } }, async (request) => {
    const schedule = await getSchedule(db, request.params.id)
    const at = request.query.at === undefined ? deps.clock.now() : instantField(request.query.at, 'at')
    return onCallJson(db, await scheduleOnCall(db, schedule, at))
  })

  app.get(
    '/api/v1/oncall',
    { schema: { tags: ['oncall'], summary: 'Who is on call now (or at `at`) across schedules; filter by team, or by service (its owning team)', querystring: Type.Object({ at: Type.Optional(Type.String()), teamId: Type.Optional(Type.String()), serviceId: Type.Optional(Type.String()) }), response: { 200: ListOf(OnCallJson), ...errorResponses } } },
    async (request) => {
      const at = request.query.at === undefined ? deps.clock.now() : instantField(request.query.at, 'at')
      let teamId = request.query.teamId === undefined ? undefined : (await getTeam(db, request.query.teamId)).id
      if (request.query.serviceId !== undefined) {
        teamId = (await getService(db, request.query.serviceId)).teamId
      }
      const all = await onCallAcross(db, at, { teamId })
      return { items: await Promise.all(all.map((o) => onCallJson(db, o))) }
    },
  )

  app.get('/api/v1/schedules/:id/overrides', { schema: { tags, summary: 'Overrides overlapping a range (default: the next 14 days)', params: IdParams, querystring: ShiftsQuery, response: { 200: ListOf(OverrideJson), ...errorResponses } } }, async (request) => {
    const schedule = await getSchedule(db, request.params.id)
    const { from, to } = parseRange(deps.clock.now(), request.query, 14)
    return { items: (await loadOverrides(db, schedule.id, from, to)).map(overrideJson) }
  })

  app.post('/api/v1/schedules/:id/overrides', { schema: { tags, summary: "Put someone on call for a range (the owning team's responders)", params: IdParams, body: OverrideBody, response: { 201: OverrideJson, ...errorResponses } } }, async (request, reply) => {
    const created = await run(request, async (ctx) => {
      const schedule = await getSchedule(ctx.db, request.params.id)
      requireScheduleRole(ctx.principal, schedule, 'responder', 'Overriding a schedule')
      const [userId, replaces] = await resolvePeople(ctx.db, [request.body.userId, request.body.replacesUserId ?? ''])
      return createOverride(ctx, schedule.id, { ...request.body, userId: userId ?? '', replacesUserId: replaces === '' ? null : replaces })
    })
    return reply.code(201).send(overrideJson(created))
  })

  app.delete('/api/v1/schedules/:id/overrides/:subId', { schema: { tags, summary: 'Remove an override that has not ended', params: Type.Object({ id: Type.String(), subId: Type.String() }), response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    await run(request, async (ctx) => {
      const schedule = await getSchedule(ctx.db, request.params.id)
      requireScheduleRole(ctx.principal, schedule, 'responder', 'Removing an override')
      return deleteOverride(ctx, schedule.id, request.params.subId)
    })
    return reply.code(204).send(null)
  })

  app.get(
    '/api/v1/users/:id/shifts',
    { schema: { tags, summary: "A person's on-call shifts across all schedules", params: IdParams, querystring: ShiftsQuery, response: { 200: ListOf(Type.Object({ scheduleId: Type.String(), scheduleName: Type.String(), start: Type.String(), end: Type.String(), source: ShiftJson.properties.source })), ...errorResponses } } },
    async (request) => {
      const p = requirePrincipal(request)
      const user = await findUserByRef(db, request.params.id)
      if (user === null) throw new AppError('E_NOT_FOUND', `user ${request.params.id} does not exist`)
      if (p.userId !== user.id && !p.isAdmin && ![...p.teamRoles.keys()].some((t) => hasTeamRole(p, t, 'observer'))) throw forbidden('Reading shifts needs a team membership')
      const { from, to } = parseRange(deps.clock.now(), request.query, 28)
      const shifts = await userShifts(db, user.id, from, to)
      return { items: shifts.map(({ schedule, shift }) => ({ scheduleId: schedule.id, scheduleName: schedule.name, start: iso(shift.start), end: iso(shift.end), source: { ...shift.source } })) }
    },
  )

  registerICalRoutes(app, deps, run)
}
