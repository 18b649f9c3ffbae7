import { Type } from 'typebox'
import { requireTeamRole } from '../../../domain/auth/index.js'
import { createPolicy, deletePolicy, getPolicy, listPolicies, updatePolicy, type EscalationPolicy } from '../../../domain/escalation/index.js'
import { getTeam } from '../../../domain/teams/index.js'
import { readinessWarnings } from '../../../domain/readiness/index.js'
import type { Api, CommandRunner, HttpDeps } from '../../types.js'
import { errorResponses, IdParams, iso, ListOf } from '../common.js'

const Target = Type.Object({ type: Type.String({ description: 'user or schedule' }), id: Type.String() }, { additionalProperties: false })
const Step = Type.Object({ targets: Type.Array(Target, { maxItems: 20 }), delayMinutes: Type.Integer({ description: 'minutes before the next step fires (0–1440)' }) }, { additionalProperties: false })
const PolicyBody = Type.Object(
  {
    name: Type.String({ maxLength: 100 }),
    teamId: Type.String({ description: 'owning team (id or name)' }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    repeatCount: Type.Optional(Type.Integer({ description: 'extra passes when nobody acknowledges (default 2)' })),
    steps: Type.Array(Step, { maxItems: 20 }),
  },
  { additionalProperties: false },
)
const PolicyPatch = Type.Partial(PolicyBody, { additionalProperties: false })
const PolicyJson = Type.Object({
  id: Type.String(),
  teamId: Type.String(),
  name: Type.String(),
  description: Type.String(),
  repeatCount: Type.Integer(),
  steps: Type.Array(Type.Object({ id: Type.String(), delayMinutes: Type.Integer(), targets: Type.Array(Type.Object({ type: Type.String(), id: Type.String() })) })),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  warnings: Type.Optional(Type.Array(Type.String(), { description: 'people in this policy who cannot be woken (no verified interrupting contact method)' })),
})

const policyJson = (p: EscalationPolicy, warnings?: string[]) => ({
  ...p,
  steps: p.steps.map((s) => ({ ...s, targets: s.targets.map((t) => ({ ...t })) })),
  createdAt: iso(p.createdAt),
  updatedAt: iso(p.updatedAt),
  ...(warnings === undefined ? {} : { warnings }),
})

export function registerEscalationRoutes(app: Api, deps: HttpDeps, run: CommandRunner): void {
  const tags = ['escalation']
  const db = deps.storage.db
  app.get('/api/v1/escalation-policies', { schema: { tags, summary: 'List escalation policies', querystring: Type.Object({ teamId: Type.Optional(Type.String()) }), response: { 200: ListOf(PolicyJson) } } }, async (request) => {
    const teamId = request.query.teamId === undefined ? undefined : (await getTeam(db, request.query.teamId)).id
    const policies = await listPolicies(db, { teamId })
    return { items: await Promise.all(policies.map(async (p) => policyJson(p, await readinessWarnings(db, { policyIds: [p.id] })))) }
  })

  app.post('/api/v1/escalation-policies', { schema: { tags, summary: 'Create an escalation policy (team admins); warns about people who cannot be woken', body: PolicyBody, response: { 201: PolicyJson, ...errorResponses } } }, async (request, reply) => {
    const { policy, warnings } = await run(request, async (ctx) => {
      const team = await getTeam(ctx.db, request.body.teamId).catch(() => null)
      if (team !== null) requireTeamRole(ctx.principal, team.id, 'admin', 'Creating an escalation policy')
      const created = await createPolicy(ctx, { ...request.body, teamId: team?.id ?? request.body.teamId })
      return { policy: created, warnings: await readinessWarnings(ctx.db, { policyIds: [created.id] }) }
    })
    return reply.code(201).send(policyJson(policy, warnings))
  })

  app.get('/api/v1/escalation-policies/:id', { schema: { tags, summary: 'Get a policy by id or name, with readiness warnings', params: IdParams, response: { 200: PolicyJson, ...errorResponses } } }, async (request) => {
    const policy = await getPolicy(db, request.params.id)
    return policyJson(policy, await readinessWarnings(db, { policyIds: [policy.id] }))
  })

  app.patch('/api/v1/escalation-policies/:id', { schema: { tags, summary: 'Update a policy; `steps` replaces all steps', params: IdParams, body: PolicyPatch, response: { 200: PolicyJson, ...errorResponses } } }, async (request) => {
    const { policy, warnings } = await run(request, async (ctx) => {
      const before = await getPolicy(ctx.db, request.params.id)
      requireTeamRole(ctx.principal, before.teamId, 'admin', 'Changing an escalation policy')
      const teamId = request.body.teamId === undefined ? undefined : (await getTeam(ctx.db, request.body.teamId)).id
      if (teamId !== undefined) requireTeamRole(ctx.principal, teamId, 'admin', 'Moving a policy to a team')
      const updated = await updatePolicy(ctx, before.id, { ...request.body, teamId })
      return { policy: updated, warnings: await readinessWarnings(ctx.db, { policyIds: [updated.id] }) }
    })
    return policyJson(policy, warnings)
  })

  app.delete('/api/v1/escalation-policies/:id', { schema: { tags, summary: 'Delete a policy no service uses', params: IdParams, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    await run(request, async (ctx) => {
      const before = await getPolicy(ctx.db, request.params.id)
      requireTeamRole(ctx.principal, before.teamId, 'admin', 'Deleting an escalation policy')
      await deletePolicy(ctx, before.id)
    })
    return reply.code(204).send(null)
  })
}
