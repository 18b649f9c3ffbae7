/**
 * On-call health routes: team settings and team channels here; reliefs in reliefs.ts; reports
 * in reports.ts. Reads need a role on the team (observer and up) or a global administrator;
 * changes need the team's admin role, as the rest of a team's configuration does.
 */
import { Type } from 'typebox'
import { hasTeamRole, requireTeamRole } from '../../../domain/auth/index.js'
import {
  createTeamChannel,
  deleteTeamChannel,
  enqueueTeamMessage,
  getTeamChannel,
  listTeamChannels,
  listTeamMessages,
  loadTeamHealthSettingsRecord,
  maskAddress,
  saveTeamHealthSettings,
  type TeamChannel,
  updateTeamChannel,
} from '../../../domain/oncall-health/index.js'
import { getTeam } from '../../../domain/teams/index.js'
import { requirePrincipal } from '../../server.js'
import type { Api, CommandRunner, HttpDeps } from '../../types.js'
import { errorResponses, IdParams, iso, isoOrNull, ListOf } from '../common.js'
import { settingsJson } from './json.js'
import { registerReliefRoutes } from './reliefs.js'
import { registerReportRoutes } from './reports.js'
import { ChannelBody, ChannelJson, ChannelParams, ChannelPatch, SettingsBody, SettingsJson, TeamMessageJson } from './schema.js'

export function registerOncallHealthRoutes(app: Api, deps: HttpDeps, run: CommandRunner): void {
  const tags = ['on-call health']
  const db = deps.storage.db

  app.get('/api/v1/teams/:id/oncall-health-settings', { schema: { tags, summary: "A team's on-call health settings (defaults until saved)", params: IdParams, response: { 200: SettingsJson, ...errorResponses } } }, async (request) => {
    const team = await getTeam(db, request.params.id)
    requireTeamRole(requirePrincipal(request), team.id, 'observer', 'Reading on-call health settings')
    const { settings, updatedAt } = await loadTeamHealthSettingsRecord(db, team.id)
    return settingsJson(team.id, settings, updatedAt)
  })

  app.put(
    '/api/v1/teams/:id/oncall-health-settings',
    { schema: { tags, summary: 'Replace the on-call health settings (team admins); fields left out return to their defaults', params: IdParams, body: SettingsBody, response: { 200: SettingsJson, ...errorResponses } } },
    async (request) => {
      const { teamId, settings } = await run(request, async (ctx) => {
        const team = await getTeam(ctx.db, request.params.id)
        requireTeamRole(ctx.principal, team.id, 'admin', 'Changing on-call health settings')
        return { teamId: team.id, settings: await saveTeamHealthSettings(ctx, team.id, request.body) }
      })
      return settingsJson(teamId, settings, deps.clock.now())
    },
  )

  const channelJson = (c: TeamChannel & { signingSecret?: string }, whole: boolean) => ({
    id: c.id,
    teamId: c.teamId,
    type: c.type,
    label: c.label,
    address: whole ? c.address : maskAddress(c.address),
    createdAt: iso(c.createdAt),
    ...(c.signingSecret === undefined ? {} : { signingSecret: c.signingSecret }),
  })

  app.get('/api/v1/teams/:id/channels', { schema: { tags, summary: "A team's channels for notices and the weekly report (addresses whole for team admins)", params: IdParams, response: { 200: ListOf(ChannelJson), ...errorResponses } } }, async (request) => {
    const principal = requirePrincipal(request)
    const team = await getTeam(db, request.params.id)
    requireTeamRole(principal, team.id, 'observer', 'Reading team channels')
    const whole = hasTeamRole(principal, team.id, 'admin')
    return { items: (await listTeamChannels(db, deps.secrets, team.id)).map((c) => channelJson(c, whole)) }
  })

  app.post('/api/v1/teams/:id/channels', { schema: { tags, summary: 'Add a team channel: email, slack or webhook (team admins)', params: IdParams, body: ChannelBody, response: { 201: ChannelJson, ...errorResponses } } }, async (request, reply) => {
    const channel = await run(request, async (ctx) => {
      const team = await getTeam(ctx.db, request.params.id)
      requireTeamRole(ctx.principal, team.id, 'admin', 'Adding a team channel')
      return createTeamChannel(ctx, team.id, request.body)
    })
    return reply.code(201).send(channelJson(channel, true))
  })

  app.patch('/api/v1/teams/:id/channels/:channelId', { schema: { tags, summary: "Change a team channel's label or address (team admins)", params: ChannelParams, body: ChannelPatch, response: { 200: ChannelJson, ...errorResponses } } }, async (request) => {
    const channel = await run(request, async (ctx) => {
      const team = await getTeam(ctx.db, request.params.id)
      requireTeamRole(ctx.principal, team.id, 'admin', 'Changing a team channel')
      return updateTeamChannel(ctx, team.id, request.params.channelId, request.body)
    })
    return channelJson(channel, true)
  })

  app.delete('/api/v1/teams/:id/channels/:channelId', { schema: { tags, summary: 'Remove a team channel (team admins)', params: ChannelParams, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    await run(request, async (ctx) => {
      const team = await getTeam(ctx.db, request.params.id)
      requireTeamRole(ctx.principal, team.id, 'admin', 'Removing a team channel')
      await deleteTeamChannel(ctx, team.id, request.params.channelId)
    })
    return reply.code(204).send(null)
  })

  app.post(
    '/api/v1/teams/:id/channels/:channelId/test',
    { schema: { tags, summary: 'Send a test message to one team channel (team admins)', params: ChannelParams, response: { 202: Type.Object({ queued: Type.Integer() }), ...errorResponses } } },
    async (request, reply) => {
      const queued = await run(request, async (ctx) => {
        const team = await getTeam(ctx.db, request.params.id)
        requireTeamRole(ctx.principal, team.id, 'admin', 'Testing a team channel')
        const channel = await getTeamChannel(ctx.db, ctx.secrets, team.id, request.params.channelId)
        return enqueueTeamMessage(
          ctx.db,
          ctx.now,
          { teamId: team.id, kind: 'test', idempotencyKey: `test:${channel.id}:${ctx.now}`, subject: `Test message for ${team.name}`, text: `This channel (${channel.label}) receives ${team.name}'s on-call notices and weekly report. Sent by ${ctx.actor.label}.`, payload: { type: 'test' } },
          { channelIds: [channel.id] },
        )
      })
      return reply.code(202).send({ queued })
    },
  )

  app.get(
    '/api/v1/teams/:id/team-messages',
    { schema: { tags, summary: "Messages sent to the team's channels, newest first, with their delivery status", params: IdParams, querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) }), response: { 200: ListOf(TeamMessageJson), ...errorResponses } } },
    async (request) => {
      const team = await getTeam(db, request.params.id)
      requireTeamRole(requirePrincipal(request), team.id, 'observer', 'Reading team messages')
      const items = await listTeamMessages(db, team.id, { limit: request.query.limit ?? 100 })
      return { items: items.map((m) => ({ id: m.id, channelId: m.channelId, kind: m.kind, subject: m.subject, text: m.text, status: m.status, attempts: m.attempts, lastError: m.lastError, createdAt: iso(m.createdAt), sentAt: isoOrNull(m.sentAt) })) }
    },
  )

  registerReliefRoutes(app, deps, run)
  registerReportRoutes(app, deps)
}
