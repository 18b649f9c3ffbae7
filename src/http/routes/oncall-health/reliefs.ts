/** Relief routes: list, read, decline, take over. */
import { hasTeamRole, requireTeamRole } from '../../../domain/auth/index.js'
import { declineRelief, findRelief, listReliefs, takeOverRelief, type ReliefStatus } from '../../../domain/oncall-health/index.js'
import { getTeam } from '../../../domain/teams/index.js'
import { FieldErrors, forbidden, notFound } from '../../../lib/errors.js'
import { requirePrincipal } from '../../server.js'
import type { Api, CommandRunner, HttpDeps } from '../../types.js'
import { errorResponses, IdParams, instantField, ListOf } from '../common.js'
import { reliefsJson } from './json.js'
import { DeclineBody, ReliefActionJson, ReliefJson, ReliefListQuery, TakeOverBody } from './schema.js'

const STATUSES: readonly ReliefStatus[] = ['active', 'needed', 'declined', 'taken_over', 'ended']

export function registerReliefRoutes(app: Api, deps: HttpDeps, run: CommandRunner): void {
  const tags = ['on-call health']
  const db = deps.storage.db

  app.get(
    '/api/v1/reliefs',
    { schema: { tags, summary: 'Reliefs, newest first: of a team, or involving a person (yours by default when no team is given)', querystring: ReliefListQuery, response: { 200: ListOf(ReliefJson), ...errorResponses } } },
    async (request) => {
      const principal = requirePrincipal(request)
      const q = request.query
      const errors = new FieldErrors()
      if (q.status !== undefined && !STATUSES.includes(q.status as ReliefStatus)) errors.add('status', `must be one of ${STATUSES.join(', ')}`)
      errors.throwIfAny()
      const from = q.from === undefined ? undefined : instantField(q.from, 'from')
      const to = q.to === undefined ? undefined : instantField(q.to, 'to')
      const teamId = q.teamId === undefined ? undefined : (await getTeam(db, q.teamId)).id
      if (teamId !== undefined) requireTeamRole(principal, teamId, 'observer', 'Reading reliefs')
      const userId = q.userId ?? (teamId === undefined ? principal.userId : undefined)
      if (teamId === undefined && userId !== principal.userId && !principal.isAdmin) throw forbidden("Reading another person's reliefs needs a team (teamId) or a global administrator")
      const items = await listReliefs(db, {
        ...(teamId === undefined ? {} : { teamId }),
        ...(userId === undefined ? {} : { userId }),
        ...(from === undefined ? {} : { from }),
        ...(to === undefined ? {} : { to }),
        ...(q.status === undefined ? {} : { status: q.status as ReliefStatus }),
      })
      return { items: await reliefsJson(db, items) }
    },
  )

  app.get('/api/v1/reliefs/:id', { schema: { tags, summary: 'One relief', params: IdParams, response: { 200: ReliefJson, ...errorResponses } } }, async (request) => {
    const principal = requirePrincipal(request)
    const relief = await findRelief(db, request.params.id)
    if (relief === null) throw notFound('relief', request.params.id)
    const involved = relief.tiredUserId === principal.userId || relief.replacementUserId === principal.userId
    if (!involved && !hasTeamRole(principal, relief.teamId, 'observer')) throw forbidden('Reading a relief needs a role on its team')
    return one(await reliefsJson(db, [relief]))
  })

  app.post(
    '/api/v1/reliefs/:id/decline',
    { schema: { tags, summary: 'Decline a relief (its replacement, or a team admin): the override ends now; someone else eligible takes the rest, or the tired person keeps the pager', params: IdParams, body: DeclineBody, response: { 200: ReliefActionJson, ...errorResponses } } },
    async (request) => {
      const result = await run(request, (ctx) => declineRelief(ctx, request.params.id, request.body ?? {}))
      return { relief: one(await reliefsJson(db, [result.relief])), outcome: result.outcome, message: result.message }
    },
  )

  app.post(
    '/api/v1/reliefs/:id/take-over',
    { schema: { tags, summary: 'Take over a relief for the rest of its period (yourself; team admins may name `userId`)', params: IdParams, body: TakeOverBody, response: { 200: ReliefActionJson, ...errorResponses } } },
    async (request) => {
      const result = await run(request, (ctx) => takeOverRelief(ctx, request.params.id, request.body ?? {}))
      return { relief: one(await reliefsJson(db, [result.relief])), outcome: result.outcome, message: result.message }
    },
  )
}

function one<T>(items: readonly T[]): T {
  const first = items[0]
  if (first === undefined) throw new Error('relief vanished while rendering')
  return first
}
