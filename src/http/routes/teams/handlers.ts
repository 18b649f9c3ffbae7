import { Type } from 'typebox'
import { requireAdmin, requireTeamRole } from '../../../domain/auth/index.js'
import { createTeam, deleteTeam, getTeam, listTeamMembers, listTeams, removeTeamMember, setTeamMember, updateTeam, type Team } from '../../../domain/teams/index.js'
import type { Api, CommandRunner, HttpDeps } from '../../types.js'
import { errorResponses, IdParams, iso, ListOf } from '../common.js'

const TeamBody = Type.Object(
  {
    name: Type.String({ maxLength: 100 }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    timeZone: Type.Optional(Type.String({ maxLength: 64, description: 'IANA zone of the team (default UTC)' })),
  },
  { additionalProperties: false },
)
const TeamPatch = Type.Partial(TeamBody, { additionalProperties: false })
const TeamJson = Type.Object({ id: Type.String(), name: Type.String(), description: Type.String(), timeZone: Type.String(), isDemo: Type.Boolean(), createdAt: Type.String(), updatedAt: Type.String() })
const MemberJson = Type.Object({ userId: Type.String(), name: Type.String(), email: Type.String(), timeZone: Type.String(), role: Type.String() })
const MemberBody = Type.Object({ userId: Type.String(), role: Type.String({ description: 'admin, responder or observer' }) }, { additionalProperties: false })
const MemberParams = Type.Object({ id: Type.String(), userId: Type.String() })

const teamJson = (t: Team) => ({ ...t, createdAt: iso(t.createdAt), updatedAt: iso(t.updatedAt) })

export function registerTeamRoutes(app: Api, deps: HttpDeps, run: CommandRunner): void {
  const tags = ['teams']
  app.get('/api/v1/teams', { schema: { tags, summary: 'List teams', response: { 200: ListOf(TeamJson) } } }, async () => ({ items: (await listTeams(deps.storage.db)).map(teamJson) }))

  app.post('/api/v1/teams', { schema: { tags, summary: 'Create a team (administrators)', body: TeamBody, response: { 201: TeamJson, ...errorResponses } } }, async (request, reply) => {
    const team = await run(request, (ctx) => {
      requireAdmin(ctx.principal, 'Creating teams')
      return createTeam(ctx, request.body)
    })
    return reply.code(201).send(teamJson(team))
  })

  app.get('/api/v1/teams/:id', { schema: { tags, summary: 'Get a team by id or name', params: IdParams, response: { 200: TeamJson, ...errorResponses } } }, async (request) =>
    teamJson(await getTeam(deps.storage.db, request.params.id)),
  )

  app.patch('/api/v1/teams/:id', { schema: { tags, summary: 'Update a team (team admins)', params: IdParams, body: TeamPatch, response: { 200: TeamJson, ...errorResponses } } }, async (request) => {
    const team = await run(request, async (ctx) => {
      const t = await getTeam(ctx.db, request.params.id)
      requireTeamRole(ctx.principal, t.id, 'admin', 'Changing a team')
      return updateTeam(ctx, t.id, request.body)
    })
    return teamJson(team)
  })

  app.delete('/api/v1/teams/:id', { schema: { tags, summary: 'Delete a team that owns nothing (administrators)', params: IdParams, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    await run(request, async (ctx) => {
      requireAdmin(ctx.principal, 'Deleting teams')
      return deleteTeam(ctx, (await getTeam(ctx.db, request.params.id)).id)
    })
    return reply.code(204).send(null)
  })

  app.get('/api/v1/teams/:id/members', { schema: { tags, summary: 'List members and roles', params: IdParams, response: { 200: ListOf(MemberJson), ...errorResponses } } }, async (request) => {
    const team = await getTeam(deps.storage.db, request.params.id)
    return { items: await listTeamMembers(deps.storage.db, team.id) }
  })

  app.put('/api/v1/teams/:id/members', { schema: { tags, summary: "Add a member or change their role (team admins)", params: IdParams, body: MemberBody, response: { 200: MemberJson, ...errorResponses } } }, async (request) =>
    run(request, async (ctx) => {
      const team = await getTeam(ctx.db, request.params.id)
      requireTeamRole(ctx.principal, team.id, 'admin', 'Managing team members')
      return setTeamMember(ctx, team.id, request.body.userId, request.body.role)
    }),
  )

  app.delete('/api/v1/teams/:id/members/:userId', { schema: { tags, summary: 'Remove a member (team admins)', params: MemberParams, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    await run(request, async (ctx) => {
      const team = await getTeam(ctx.db, request.params.id)
      requireTeamRole(ctx.principal, team.id, 'admin', 'Managing team members')
      return removeTeamMember(ctx, team.id, request.params.userId)
    })
    return reply.code(204).send(null)
  })
}
