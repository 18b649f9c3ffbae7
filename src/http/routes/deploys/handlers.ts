import { Type } from 'typebox'
import { requireTeamRole } from '../../../domain/auth/index.js'
import {
  finishDeployment,
  getDeployment,
  listDeployChecks,
  listDeployments,
  rollbackDeployment,
  runDeployCheck,
  startDeployment,
  type Deployment,
  type DeploymentStatus,
} from '../../../domain/change-requests/index.js'
import type { GateReason } from '../../../domain/deploy-gate/index.js'
import { getService, listServices } from '../../../domain/services/index.js'
import { getTeam } from '../../../domain/teams/index.js'
import { validationError } from '../../../lib/errors.js'
import type { Db } from '../../../storage/index.js'
import type { Api, CommandRunner, HttpDeps } from '../../types.js'
import { errorResponses, IdParams, instantField, iso, isoOrNull, ListOf } from '../common.js'
import { emptyBodyAsObject } from './empty-body.js'
import { checkJson, deploymentJson, deploymentsJson, reasonJson } from './json.js'
import {
  DeployCheckBody,
  DeployCheckJson,
  DeployCheckRecordJson,
  DeploymentBody,
  DeploymentJson,
  DeploymentListQuery,
  DeploymentStarted,
  FinishBody,
  RollbackBody,
  RollbackJson,
} from './schema.js'

const STATUSES: readonly DeploymentStatus[] = ['in_progress', 'succeeded', 'failed', 'rolled_back']

/** Deploy checks (the gate) and recorded deployments. */
export function registerDeployRoutes(app: Api, deps: HttpDeps, run: CommandRunner): void {
  const tags = ['deploys']
  const db = deps.storage.db
  const one = async (d: Deployment, dbh: Db = db) => (await deploymentsJson(dbh, [d]))[0] as ReturnType<typeof deploymentJson>

  app.post('/api/v1/deploy-checks', { schema: { tags, summary: 'Ask the deploy gate: may this service deploy (or roll back) now or at `at`? Every check is recorded', body: DeployCheckBody, response: { 200: DeployCheckJson, ...errorResponses } } }, async (request) => {
    const b = request.body
    const at = b.at === undefined ? undefined : instantField(b.at, 'at')
    const check = await run(request, (ctx) => runDeployCheck(ctx, { service: b.service, change: b.change, at, kind: b.kind }))
    return checkJson(check)
  })

  app.get('/api/v1/deploy-checks', { schema: { tags, summary: 'Recorded deploy checks, newest first', querystring: Type.Object({ serviceId: Type.Optional(Type.String()), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })) }), response: { 200: ListOf(DeployCheckRecordJson), ...errorResponses } } }, async (request) => {
    const serviceId = request.query.serviceId === undefined ? undefined : (await getService(db, request.query.serviceId)).id
    const checks = await listDeployChecks(db, { serviceId, limit: request.query.limit ?? 100 })
    return {
      items: checks.map((c) => ({ ...c, at: iso(c.at), createdAt: iso(c.createdAt), nextAllowedAt: isoOrNull(c.nextAllowedAt), reasons: (c.reasons as GateReason[]).map(reasonJson) })),
    }
  })

  app.post('/api/v1/deployments', { schema: { tags, summary: 'Record the start of a deployment: runs the gate now; when it denies, an override reason is required (audited)', body: DeploymentBody, response: { 201: DeploymentStarted, ...errorResponses } } }, async (request, reply) => {
    const b = request.body
    // The check commits on its own, so it is kept even when the deployment is refused below.
    const check = await run(request, async (ctx) => {
      const service = await getService(ctx.db, b.service)
      requireTeamRole(ctx.principal, service.teamId, 'responder', 'Recording a deployment')
      return runDeployCheck(ctx, { service: service.id, change: b.change, kind: b.kind ?? 'deploy' })
    })
    const deployment = await run(request, (ctx) => startDeployment(ctx, ctx.principal, check, { version: b.version, kind: b.kind, overrideReason: b.overrideReason, source: b.source }))
    return reply.code(201).send({ deployment: await one(deployment), check: checkJson(check) })
  })

  app.get('/api/v1/deployments', { schema: { tags, summary: 'Deployments, newest first', querystring: DeploymentListQuery, response: { 200: ListOf(DeploymentJson), ...errorResponses } } }, async (request) => {
    const q = request.query
    let serviceIds: string[] | undefined
    if (q.serviceId !== undefined) serviceIds = [(await getService(db, q.serviceId)).id]
    else if (q.teamId !== undefined) serviceIds = (await listServices(db, { teamId: (await getTeam(db, q.teamId)).id })).map((s) => s.id)
    if (q.status !== undefined && !STATUSES.includes(q.status as DeploymentStatus)) throw validationError([{ field: 'status', reason: `must be one of ${STATUSES.join(', ')}` }])
    const list = await listDeployments(db, {
      serviceIds,
      status: q.status as DeploymentStatus | undefined,
      from: q.from === undefined ? undefined : instantField(q.from, 'from'),
      to: q.to === undefined ? undefined : instantField(q.to, 'to'),
      limit: q.limit ?? 100,
    })
    return { items: await deploymentsJson(db, list) }
  })

  app.get('/api/v1/deployments/:id', { schema: { tags, summary: 'One deployment', params: IdParams, response: { 200: DeploymentJson, ...errorResponses } } }, async (request) => one(await getDeployment(db, request.params.id)))

  app.post('/api/v1/deployments/:id/finish', { preValidation: emptyBodyAsObject, schema: { tags, summary: 'Mark an in-progress deployment succeeded (default) or failed', params: IdParams, body: FinishBody, response: { 200: DeploymentJson, ...errorResponses } } }, async (request) =>
    run(request, async (ctx) => {
      const d = await getDeployment(ctx.db, request.params.id)
      requireTeamRole(ctx.principal, (await getService(ctx.db, d.serviceId)).teamId, 'responder', 'Finishing a deployment')
      return one(await finishDeployment(ctx, d.id, request.body.status ?? 'succeeded'), ctx.db)
    }),
  )

  app.post('/api/v1/deployments/:id/rollback', { preValidation: emptyBodyAsObject, schema: { tags, summary: 'Roll a deployment back: records a rollback to the previous version (or `version`), marks the original rolled back, rolls back its change request', params: IdParams, body: RollbackBody, response: { 201: RollbackJson, ...errorResponses } } }, async (request, reply) => {
    const result = await run(request, async (ctx) => {
      const d = await getDeployment(ctx.db, request.params.id)
      requireTeamRole(ctx.principal, (await getService(ctx.db, d.serviceId)).teamId, 'responder', 'Rolling back a deployment')
      const b = request.body
      const { rollback, original } = await rollbackDeployment(ctx, ctx.principal, d.id, { version: b.version, reason: b.reason, inProgress: b.inProgress, source: b.source })
      return { rollback: await one(rollback, ctx.db), original: await one(original, ctx.db) }
    })
    return reply.code(201).send(result)
  })
}
