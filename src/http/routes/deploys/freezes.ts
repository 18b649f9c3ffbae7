import { Type } from 'typebox'
import { requireAdmin, requireTeamRole, type Principal } from '../../../domain/auth/index.js'
import { createFreeze, deleteFreeze, freezeAppliesTo, freezeTeamIds, getFreeze, listFreezes, updateFreeze, type FreezeScope, type StoredFreeze } from '../../../domain/deploy-gate/index.js'
import { getService } from '../../../domain/services/index.js'
import { getTeam } from '../../../domain/teams/index.js'
import type { Db } from '../../../storage/index.js'
import type { Api, CommandRunner, HttpDeps } from '../../types.js'
import { errorResponses, IdParams, instantField, ListOf } from '../common.js'
import { exceptionsOf, freezeJson } from './json.js'
import { FreezeBody, FreezeJson, FreezeListQuery, FreezePatch } from './schema.js'

/** Freezing everything takes a global admin; freezing teams or services takes an admin of each team reached. */
async function requireFreezeAdmin(db: Db, p: Principal, scope: FreezeScope, what: string): Promise<void> {
  const teams = await freezeTeamIds(db, scope)
  if (teams === null) return requireAdmin(p, `${what} with scope "all"`)
  for (const t of teams) requireTeamRole(p, t, 'admin', what)
}

type ScopeIn = { kind: string; teamIds?: string[] | undefined; serviceIds?: string[] | undefined } | undefined

/** Resolves a body's scope names to ids, leniently (unknown refs are reported by the store's validation). */
async function scopeForAuth(db: Db, scope: ScopeIn): Promise<FreezeScope> {
  if (scope === undefined || scope.kind === 'all') return { kind: 'all' }
  const resolve = async (refs: readonly string[], table: 'teams' | 'services') => {
    const out: string[] = []
    for (const ref of refs) {
      const row = await db.selectFrom(table).select('id').where((eb) => eb.or([eb('id', '=', ref), eb('name', '=', ref)])).executeTakeFirst()
      if (row !== undefined) out.push(row.id)
    }
    return out
  }
  if (scope.kind === 'teams') return { kind: 'teams', teamIds: await resolve(scope.teamIds ?? [], 'teams') }
  if (scope.kind === 'services') return { kind: 'services', serviceIds: await resolve(scope.serviceIds ?? [], 'services') }
  return { kind: 'teams', teamIds: [] }
}

/** Freezes: global admins freeze everything; team admins freeze their teams and services. */
export function registerFreezeRoutes(app: Api, deps: HttpDeps, run: CommandRunner): void {
  const tags = ['freezes']
  const db = deps.storage.db
  const withExceptions = async (freezes: readonly StoredFreeze[], dbh: Db = db) => {
    const ex = await exceptionsOf(dbh, freezes.map((f) => f.id))
    return freezes.map((f) => freezeJson(f, deps.clock.now(), ex.get(f.id) ?? []))
  }
  const withExceptionsOne = async (freeze: StoredFreeze, dbh: Db = db) => freezeJson(freeze, deps.clock.now(), (await exceptionsOf(dbh, [freeze.id])).get(freeze.id) ?? [])

  app.get('/api/v1/freezes', { schema: { tags, summary: 'Freezes not yet over (or overlapping from–to), earliest first', querystring: FreezeListQuery, response: { 200: ListOf(FreezeJson), ...errorResponses } } }, async (request) => {
    const q = request.query
    const from = q.from === undefined ? deps.clock.now() : instantField(q.from, 'from')
    const to = q.to === undefined ? undefined : instantField(q.to, 'to')
    let freezes = await listFreezes(db, { from, to })
    if (q.serviceId !== undefined) {
      const s = await getService(db, q.serviceId)
      freezes = freezes.filter((f) => freezeAppliesTo(f, { serviceId: s.id, teamId: s.teamId }))
    } else if (q.teamId !== undefined) {
      const team = await getTeam(db, q.teamId)
      const serviceIds = new Set((await db.selectFrom('services').select('id').where('team_id', '=', team.id).execute()).map((r) => r.id))
      freezes = freezes.filter((f) => f.scope.kind === 'all' || (f.scope.kind === 'teams' && f.scope.teamIds.includes(team.id)) || (f.scope.kind === 'services' && f.scope.serviceIds.some((id) => serviceIds.has(id))))
    }
    return { items: await withExceptions(freezes) }
  })

  app.post('/api/v1/freezes', { schema: { tags, summary: 'Create a freeze (scope all: global admins; teams/services: their team admins)', body: FreezeBody, response: { 201: FreezeJson, ...errorResponses } } }, async (request, reply) => {
    const b = request.body
    const freeze = await run(request, async (ctx) => {
      await requireFreezeAdmin(ctx.db, ctx.principal, await scopeForAuth(ctx.db, b.scope), 'Creating a freeze')
      const created = await createFreeze(ctx, { ...b, start: instantField(b.start, 'start'), end: instantField(b.end, 'end') })
      return withExceptionsOne(created, ctx.db)
    })
    return reply.code(201).send(freeze)
  })

  app.get('/api/v1/freezes/:id', { schema: { tags, summary: 'A freeze with the exceptions granted to it', params: IdParams, response: { 200: FreezeJson, ...errorResponses } } }, async (request) => withExceptionsOne(await getFreeze(db, request.params.id)))

  app.patch('/api/v1/freezes/:id', { schema: { tags, summary: 'Change a freeze (admins of its scope, before and after)', params: IdParams, body: FreezePatch, response: { 200: FreezeJson, ...errorResponses } } }, async (request) =>
    run(request, async (ctx) => {
      const before = await getFreeze(ctx.db, request.params.id)
      await requireFreezeAdmin(ctx.db, ctx.principal, before.scope, 'Changing a freeze')
      const b = request.body
      if (b.scope !== undefined) await requireFreezeAdmin(ctx.db, ctx.principal, await scopeForAuth(ctx.db, b.scope), 'Changing a freeze')
      const updated = await updateFreeze(ctx, before.id, { ...b, start: b.start === undefined ? undefined : instantField(b.start, 'start'), end: b.end === undefined ? undefined : instantField(b.end, 'end') })
      return withExceptionsOne(updated, ctx.db)
    }),
  )

  app.delete('/api/v1/freezes/:id', { schema: { tags, summary: 'Delete a freeze (admins of its scope); its exceptions go with it', params: IdParams, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    await run(request, async (ctx) => {
      const before = await getFreeze(ctx.db, request.params.id)
      await requireFreezeAdmin(ctx.db, ctx.principal, before.scope, 'Deleting a freeze')
      await deleteFreeze(ctx, before.id)
    })
    return reply.code(204).send(null)
  })
}
