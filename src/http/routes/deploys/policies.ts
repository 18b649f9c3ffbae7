import { requireTeamRole } from '../../../domain/auth/index.js'
import {
  clearServicePolicy,
  effectiveServicePolicy,
  importTeamHolidays,
  loadTeamPolicy,
  resetTeamPolicy,
  setServicePolicy,
  setTeamPolicy,
  type ServiceDeployPolicy,
  type TeamDeployPolicy,
} from '../../../domain/deploy-gate/index.js'
import { getService, listServices, type Service } from '../../../domain/services/index.js'
import { getTeam } from '../../../domain/teams/index.js'
import type { Db } from '../../../storage/index.js'
import type { Api, CommandRunner, HttpDeps } from '../../types.js'
import { errorResponses, IdParams, isoOrNull } from '../common.js'
import { policyJson } from './json.js'
import { HolidayImportBody, HolidayImportJson, ServicePolicyBody, ServicePolicyJson, TeamPolicyBody, TeamPolicyJson } from './schema.js'

const servicePolicyJson = (s: Pick<Service, 'name'>, p: ServiceDeployPolicy) => ({
  serviceId: p.serviceId,
  serviceName: s.name,
  teamId: p.teamId,
  source: p.source,
  override: p.override,
  updatedAt: isoOrNull(p.updatedAt),
  policy: policyJson(p.policy),
})

async function teamPolicyJson(db: Db, team: { id: string; timeZone: string }, p: TeamDeployPolicy) {
  const services = []
  for (const s of await listServices(db, { teamId: team.id })) {
    const eff = await effectiveServicePolicy(db, s, team)
    services.push({ serviceId: s.id, serviceName: s.name, source: eff.source, override: eff.override, policy: policyJson(eff.policy) })
  }
  return { teamId: p.teamId, isDefault: p.isDefault, updatedAt: isoOrNull(p.updatedAt), policy: policyJson(p.policy), services }
}

/** Deploy policies: a team's (team admins set it) and per-service overrides (the owning team's admins). */
export function registerPolicyRoutes(app: Api, deps: HttpDeps, run: CommandRunner): void {
  const tags = ['deploy policies']
  const db = deps.storage.db

  app.get('/api/v1/teams/:id/deploy-policy', { schema: { tags, summary: "A team's deploy policy (the default when none is set) and the policy governing each of its services", params: IdParams, response: { 200: TeamPolicyJson, ...errorResponses } } }, async (request) => {
    const team = await getTeam(db, request.params.id)
    return teamPolicyJson(db, team, await loadTeamPolicy(db, team))
  })

  app.put('/api/v1/teams/:id/deploy-policy', { schema: { tags, summary: "Replace a team's deploy policy (team admins); absent fields take the defaults", params: IdParams, body: TeamPolicyBody, response: { 200: TeamPolicyJson, ...errorResponses } } }, async (request) =>
    run(request, async (ctx) => {
      const team = await getTeam(ctx.db, request.params.id)
      requireTeamRole(ctx.principal, team.id, 'admin', 'Setting the deploy policy')
      return teamPolicyJson(ctx.db, team, await setTeamPolicy(ctx, team, request.body))
    }),
  )

  app.delete('/api/v1/teams/:id/deploy-policy', { schema: { tags, summary: "Return a team to the default deploy policy (team admins)", params: IdParams, response: { 200: TeamPolicyJson, ...errorResponses } } }, async (request) =>
    run(request, async (ctx) => {
      const team = await getTeam(ctx.db, request.params.id)
      requireTeamRole(ctx.principal, team.id, 'admin', 'Resetting the deploy policy')
      return teamPolicyJson(ctx.db, team, await resetTeamPolicy(ctx, team))
    }),
  )

  app.post('/api/v1/teams/:id/deploy-policy/holidays/import', { schema: { tags, summary: "Import holidays from an iCalendar file into a team's policy (team admins)", params: IdParams, body: HolidayImportBody, response: { 200: HolidayImportJson, ...errorResponses } } }, async (request) =>
    run(request, async (ctx) => {
      const team = await getTeam(ctx.db, request.params.id)
      requireTeamRole(ctx.principal, team.id, 'admin', 'Importing holidays')
      const result = await importTeamHolidays(ctx, team, request.body.ics, request.body.mode ?? 'merge')
      return { policy: await teamPolicyJson(ctx.db, team, result.policy), added: [...result.added], problems: [...result.problems] }
    }),
  )

  app.get('/api/v1/services/:id/deploy-policy', { schema: { tags, summary: "The deploy policy governing a service: its override over its team's policy", params: IdParams, response: { 200: ServicePolicyJson, ...errorResponses } } }, async (request) => {
    const service = await getService(db, request.params.id)
    return servicePolicyJson(service, await effectiveServicePolicy(db, service, await getTeam(db, service.teamId)))
  })

  app.put('/api/v1/services/:id/deploy-policy', { schema: { tags, summary: "Set a service's override (owning team's admins): only the fields given; the rest are inherited", params: IdParams, body: ServicePolicyBody, response: { 200: ServicePolicyJson, ...errorResponses } } }, async (request) =>
    run(request, async (ctx) => {
      const service = await getService(ctx.db, request.params.id)
      requireTeamRole(ctx.principal, service.teamId, 'admin', 'Overriding the deploy policy of a service')
      return servicePolicyJson(service, await setServicePolicy(ctx, service, await getTeam(ctx.db, service.teamId), request.body))
    }),
  )

  app.delete('/api/v1/services/:id/deploy-policy', { schema: { tags, summary: "Remove a service's override: it inherits its team's policy again", params: IdParams, response: { 200: ServicePolicyJson, ...errorResponses } } }, async (request) =>
    run(request, async (ctx) => {
      const service = await getService(ctx.db, request.params.id)
      requireTeamRole(ctx.principal, service.teamId, 'admin', 'Removing a deploy policy override')
      return servicePolicyJson(service, await clearServicePolicy(ctx, service, await getTeam(ctx.db, service.teamId)))
    }),
  )
}
