import { Type } from 'typebox'
import { hasTeamRole, requireTeamRole } from '../../../domain/auth/index.js'
import {
  closeFollowUp,
  createAgent,
  createRule,
  deleteAgent,
  deleteRule,
  getFollowUp,
  getRule,
  listAgents,
  listFollowUps,
  listRules,
  listRuns,
  updateRule,
  type Agent,
  type FollowUp,
  type MitigationRule,
  type MitigationRun,
} from '../../../domain/mitigation/index.js'
import { getService, listServices } from '../../../domain/services/index.js'
import { getTeam } from '../../../domain/teams/index.js'
import { forbidden } from '../../../lib/errors.js'
import type { Instant } from '../../../lib/time/index.js'
import type { Db } from '../../../storage/index.js'
import { requirePrincipal } from '../../server.js'
import type { Api, CommandRunner, HttpDeps } from '../../types.js'
import { errorResponses, IdParams, iso, isoOrNull, ListOf, Nullable } from '../common.js'
import { ruleReport } from './report.js'

const RuleBody = Type.Object(
  {
    name: Type.String({ maxLength: 100 }),
    match: Type.Object(
      {
        dedupKeyPattern: Type.Optional(Type.String()),
        summaryPattern: Type.Optional(Type.String({ description: 'regular expression, e.g. "out of memory|OOMKilled"' })),
        labels: Type.Optional(Type.Record(Type.String(), Type.String())),
        severities: Type.Optional(Type.Array(Type.String())),
        source: Type.Optional(Type.String()),
      },
      { additionalProperties: false },
    ),
    action: Type.Object(
      {
        type: Type.String({ description: 'http or agent' }),
        method: Type.Optional(Type.String()),
        url: Type.Optional(Type.String({ description: 'http: may contain {{alert.labels.instance}} and the like' })),
        body: Type.Optional(Type.Unknown()),
        agentId: Type.Optional(Type.String()),
        command: Type.Optional(Type.String({ description: "agent: a name from the agent's allow-list" })),
        timeoutSeconds: Type.Optional(Type.Integer()),
      },
      { additionalProperties: false },
    ),
    mode: Type.Optional(Type.String({ description: 'before (default: hold the page while mitigating) or parallel' })),
    verifyMinutes: Type.Optional(Type.Integer({ description: 'wait this long for the alert to clear (default 10)' })),
    loopGuard: Type.Optional(Type.Object({ maxRuns: Type.Optional(Type.Integer()), perMinutes: Type.Optional(Type.Integer()) }, { additionalProperties: false })),
    paused: Type.Optional(Type.Boolean()),
    dryRun: Type.Optional(Type.Boolean({ description: 'new rules start in dry-run unless false' })),
    followUpWebhookUrl: Type.Optional(Nullable(Type.String({ description: 'ticket tracker webhook that receives each follow-up' }))),
  },
  { additionalProperties: false },
)
const RulePatch = Type.Partial(RuleBody, { additionalProperties: false })
const RuleJson = Type.Object({
  id: Type.String(),
  serviceId: Type.String(),
  name: Type.String(),
  match: Type.Unknown(),
  action: Type.Unknown(),
  mode: Type.String(),
  verifyMinutes: Type.Integer(),
  loopGuard: Type.Object({ maxRuns: Type.Integer(), perMinutes: Type.Integer() }),
  paused: Type.Boolean(),
  dryRun: Type.Boolean(),
  createdBy: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  signingSecret: Type.Optional(Type.String({ description: 'HTTP actions are signed with it (x-tend-signature); shown once' })),
})
const RunJson = Type.Object({
  id: Type.String(),
  ruleId: Type.String(),
  ruleName: Type.String(),
  alertId: Type.String(),
  alertSummary: Type.String(),
  targetKey: Type.String(),
  status: Type.String(),
  dryRun: Type.Boolean(),
  actionSummary: Type.String(),
  resultText: Nullable(Type.String()),
  exitCode: Nullable(Type.Integer()),
  startedAt: Nullable(Type.String()),
  finishedAt: Nullable(Type.String()),
  createdAt: Type.String(),
})
const FollowUpJson = Type.Object({
  id: Type.String(),
  teamId: Type.String(),
  serviceId: Nullable(Type.String()),
  alertId: Nullable(Type.String()),
  runId: Nullable(Type.String()),
  kind: Type.String(),
  title: Type.String(),
  body: Type.String(),
  dueAt: Type.String(),
  status: Type.String(),
  closedBy: Nullable(Type.String()),
  closedAt: Nullable(Type.String()),
  closeNote: Nullable(Type.String()),
  ageHours: Type.Number(),
  createdAt: Type.String(),
})
const AgentJson = Type.Object({ id: Type.String(), teamId: Type.String(), name: Type.String(), tokenPrefix: Type.String(), commands: Type.Array(Type.String()), lastSeenAt: Nullable(Type.String()), createdAt: Type.String() })
const SubParams = Type.Object({ id: Type.String(), subId: Type.String() })

const ruleJson = (r: MitigationRule, signingSecret?: string) => ({ ...r, loopGuard: { ...r.loopGuard }, createdAt: iso(r.createdAt), updatedAt: iso(r.updatedAt), ...(signingSecret === undefined ? {} : { signingSecret }) })
const runJson = (r: MitigationRun, names: { rules: Map<string, string>; alerts: Map<string, string> }) => ({
  ...r,
  ruleName: names.rules.get(r.ruleId) ?? r.ruleId,
  alertSummary: names.alerts.get(r.alertId) ?? r.alertId,
  startedAt: isoOrNull(r.startedAt),
  finishedAt: isoOrNull(r.finishedAt),
  createdAt: iso(r.createdAt),
})

/** Names for runs: the rule and the alert each run acted on. */
async function runNames(db: Db, runs: readonly MitigationRun[]) {
  const ruleIds = [...new Set(runs.map((r) => r.ruleId))]
  const alertIds = [...new Set(runs.map((r) => r.alertId))]
  const rules = ruleIds.length === 0 ? [] : await db.selectFrom('mitigation_rules').select(['id', 'name']).where('id', 'in', ruleIds).execute()
  const alerts = alertIds.length === 0 ? [] : await db.selectFrom('alerts').select(['id', 'summary']).where('id', 'in', alertIds).execute()
  return { rules: new Map(rules.map((r) => [r.id, r.name])), alerts: new Map(alerts.map((a) => [a.id, a.summary])) }
}

const ReportJson = Type.Object({
  ruleId: Type.String(),
  name: Type.String(),
  runs: Type.Integer(),
  dryRuns: Type.Integer(),
  succeeded: Type.Integer(),
  successRate: Nullable(Type.Number()),
  keptFromPaging: Type.Integer(),
  byStatus: Type.Record(Type.String(), Type.Integer()),
  followUps: Type.Object({ total: Type.Integer(), open: Type.Integer(), closed: Type.Integer(), oldestOpenHours: Nullable(Type.Integer()) }),
  mitigatingWithoutInvestigation: Type.Boolean(),
})
export const followUpJson = (f: FollowUp, now: Instant) => ({
  id: f.id,
  teamId: f.teamId,
  serviceId: f.serviceId,
  alertId: f.alertId,
  runId: f.runId,
  kind: f.kind,
  title: f.title,
  body: f.body,
  dueAt: iso(f.dueAt),
  status: f.status,
  closedBy: f.closedBy,
  closedAt: isoOrNull(f.closedAt),
  closeNote: f.closeNote,
  ageHours: Math.round(((f.closedAt ?? now) - f.createdAt) / 360_000) / 10,
  createdAt: iso(f.createdAt),
})
const agentJson = (a: Agent) => ({ ...a, commands: [...a.commands], lastSeenAt: isoOrNull(a.lastSeenAt), createdAt: iso(a.createdAt) })

async function ruleTeam(db: Db, ruleId: string): Promise<string> {
  return (await getService(db, (await getRule(db, ruleId)).serviceId)).teamId
}

/** Mitigation rules, their runs, follow-ups and agents. Team admins configure; responders close follow-ups. */
export function registerMitigationRoutes(app: Api, deps: HttpDeps, run: CommandRunner): void {
  const tags = ['mitigation']
  const db = deps.storage.db

  app.get('/api/v1/services/:id/mitigation-rules', { schema: { tags, summary: "A service's mitigation rules", params: IdParams, response: { 200: ListOf(RuleJson), ...errorResponses } } }, async (request) => {
    const service = await getService(db, request.params.id)
    return { items: (await listRules(db, service.id)).map((r) => ruleJson(r)) }
  })

  app.post('/api/v1/services/:id/mitigation-rules', { schema: { tags, summary: 'Create a mitigation rule (starts in dry-run unless dryRun is false)', params: IdParams, body: RuleBody, response: { 201: RuleJson, ...errorResponses } } }, async (request, reply) => {
    const created = await run(request, async (ctx) => {
      const service = await getService(ctx.db, request.params.id)
      requireTeamRole(ctx.principal, service.teamId, 'admin', 'Creating a mitigation rule')
      return createRule(ctx, service.id, request.body)
    })
    return reply.code(201).send(ruleJson(created.rule, created.signingSecret))
  })

  app.patch('/api/v1/mitigation-rules/:id', { schema: { tags, summary: 'Edit, pause, or take a rule out of dry-run', params: IdParams, body: RulePatch, response: { 200: RuleJson, ...errorResponses } } }, async (request) =>
    ruleJson(
      await run(request, async (ctx) => {
        requireTeamRole(ctx.principal, await ruleTeam(ctx.db, request.params.id), 'admin', 'Changing a mitigation rule')
        return updateRule(ctx, request.params.id, request.body)
      }),
    ),
  )

  app.delete('/api/v1/mitigation-rules/:id', { schema: { tags, summary: 'Delete a rule (its runs stay in the alerts’ timelines)', params: IdParams, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    await run(request, async (ctx) => {
      requireTeamRole(ctx.principal, await ruleTeam(ctx.db, request.params.id), 'admin', 'Deleting a mitigation rule')
      await deleteRule(ctx, request.params.id)
    })
    return reply.code(204).send(null)
  })

  app.get('/api/v1/mitigation-runs', { schema: { tags, summary: 'Runs with their action and output, newest first', querystring: Type.Object({ ruleId: Type.Optional(Type.String()), alertId: Type.Optional(Type.String()), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })) }), response: { 200: ListOf(RunJson) } } }, async (request) => {
    const runs = await listRuns(db, { ruleId: request.query.ruleId, alertId: request.query.alertId, limit: request.query.limit ?? 100 })
    const names = await runNames(db, runs)
    return { items: runs.map((r) => runJson(r, names)) }
  })

  app.get('/api/v1/mitigation-rules/:id', { schema: { tags, summary: 'One mitigation rule', params: IdParams, response: { 200: RuleJson, ...errorResponses } } }, async (request) => ruleJson(await getRule(db, request.params.id)))

  app.get('/api/v1/mitigation-rules/:id/report', { schema: { tags, summary: 'Runs, success rate, alerts kept from paging, open follow-ups and their age; flags rules mitigating without investigation', params: IdParams, response: { 200: ReportJson, ...errorResponses } } }, async (request) => ruleReport(db, request.params.id, deps.clock.now()))

  app.get('/api/v1/follow-ups', { schema: { tags, summary: 'Follow-ups (low-urgency work items), by due time', querystring: Type.Object({ teamId: Type.Optional(Type.String()), status: Type.Optional(Type.String({ description: 'open (default), closed, all' })) }), response: { 200: ListOf(FollowUpJson), ...errorResponses } } }, async (request) => {
    const p = requirePrincipal(request)
    const teamId = request.query.teamId === undefined ? undefined : (await getTeam(db, request.query.teamId)).id
    if (teamId !== undefined && !hasTeamRole(p, teamId, 'observer')) throw forbidden("A team's follow-ups need a role on that team")
    const status = request.query.status === 'all' ? undefined : request.query.status === 'closed' ? 'closed' : 'open'
    const now = deps.clock.now()
    // Without a team: the teams the caller belongs to (administrators see all).
    const visible = (await listFollowUps(db, { teamId, status })).filter((f) => hasTeamRole(p, f.teamId, 'observer'))
    return { items: visible.map((f) => followUpJson(f, now)) }
  })

  app.post('/api/v1/follow-ups/:id/close', { schema: { tags, summary: 'Close a follow-up with a note saying what was found or done', params: IdParams, body: Type.Object({ note: Type.String({ maxLength: 5000 }) }, { additionalProperties: false }), response: { 200: FollowUpJson, ...errorResponses } } }, async (request) => {
    const closed = await run(request, async (ctx) => {
      const f = await getFollowUp(ctx.db, request.params.id)
      requireTeamRole(ctx.principal, f.teamId, 'responder', 'Closing a follow-up')
      return closeFollowUp(ctx.db, ctx.now, ctx.actor, f.id, request.body.note)
    })
    return followUpJson(closed, deps.clock.now())
  })

  app.get('/api/v1/teams/:id/agents', { schema: { tags, summary: "A team's agents and the commands their allow-lists declare", params: IdParams, response: { 200: ListOf(AgentJson), ...errorResponses } } }, async (request) => {
    const team = await getTeam(db, request.params.id)
    if (!hasTeamRole(requirePrincipal(request), team.id, 'observer')) throw forbidden("Seeing a team's agents needs a role on the team")
    return { items: (await listAgents(db, team.id)).map(agentJson) }
  })

  app.post('/api/v1/teams/:id/agents', { schema: { tags, summary: 'Register an agent; its token is shown once (put it in agent.yaml)', params: IdParams, body: Type.Object({ name: Type.String({ maxLength: 100 }) }, { additionalProperties: false }), response: { 201: Type.Object({ agent: AgentJson, token: Type.String() }), ...errorResponses } } }, async (request, reply) => {
    const created = await run(request, async (ctx) => {
      const team = await getTeam(ctx.db, request.params.id)
      requireTeamRole(ctx.principal, team.id, 'admin', 'Registering an agent')
      return createAgent(ctx.db, ctx.now, ctx.actor, team.id, request.body.name)
    })
    return reply.code(201).send({ agent: agentJson(created.agent), token: created.token })
  })

  app.delete('/api/v1/teams/:id/agents/:subId', { schema: { tags, summary: 'Remove an agent (its token stops working)', params: SubParams, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    await run(request, async (ctx) => {
      const team = await getTeam(ctx.db, request.params.id)
      requireTeamRole(ctx.principal, team.id, 'admin', 'Removing an agent')
      await deleteAgent(ctx.db, ctx.now, ctx.actor, request.params.subId)
    })
    return reply.code(204).send(null)
  })

  app.get('/api/v1/mitigation-rules', { schema: { tags, summary: 'Every mitigation rule (optionally of one team)', querystring: Type.Object({ teamId: Type.Optional(Type.String()) }), response: { 200: ListOf(RuleJson) } } }, async (request) => {
    const teamId = request.query.teamId === undefined ? undefined : (await getTeam(db, request.query.teamId)).id
    const services = new Set((await listServices(db, { teamId })).map((s) => s.id))
    return { items: (await listRules(db)).filter((r) => services.has(r.serviceId)).map((r) => ruleJson(r)) }
  })
}
