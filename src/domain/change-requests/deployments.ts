/**
 * Recorded deployments. Starting one always runs the deploy gate at that moment (and records the
 * check); "Tend treats a deployment outside the gate's answer as an audited override with a
 * reason": when the gate denies, the deployment is refused unless an override reason is given,
 * and then it is recorded with the denying check and the reason, and audited as
 * `deployment.override`. Starting a deployment of an approved change starts the change (an
 * emergency change may start unapproved and gets its review follow-up). Rolling back records a
 * rollback deployment (to the given version, or the one deployed before), marks the original
 * rolled back, and rolls back its change request.
 */
import { AppError, conflict, validationError } from '../../lib/errors.js'
import { newId } from '../../lib/ids.js'
import type { Instant } from '../../lib/time/index.js'
import type { Db, DeploymentsTable } from '../../storage/index.js'
import { recordAudit } from '../audit/index.js'
import type { Principal } from '../auth/index.js'
import type { CommandCtx } from '../command.js'
import { getService } from '../services/index.js'
import { actOnChange } from './actions.js'
import type { DeployCheck } from './deploy-check.js'
import { getChange } from './store.js'

export type DeploymentKind = 'deploy' | 'rollback'

/** in_progress → succeeded | failed; a succeeded (or failed) deploy becomes rolled_back when undone. */
export type DeploymentStatus = 'in_progress' | 'succeeded' | 'failed' | 'rolled_back'

export interface Deployment {
  readonly id: string
  readonly serviceId: string
  readonly kind: DeploymentKind
  readonly version: string
  readonly changeRequestId: string | null
  readonly actor: string
  readonly actorUserId: string | null
  readonly status: DeploymentStatus
  readonly startedAt: Instant
  readonly finishedAt: Instant | null
  /** The deploy check this deployment ran after. */
  readonly gateCheckId: string | null
  /** Set when the gate denied and someone deployed anyway: the audited reason. */
  readonly overrideReason: string | null
  /** For a rollback: the deployment it undoes. */
  readonly rollsBackId: string | null
  /** Where it was recorded from: api, cli, ui, ci… */
  readonly source: string
}

export const deploymentFromRow = (r: DeploymentsTable): Deployment => ({
  id: r.id,
  serviceId: r.service_id,
  kind: r.kind as DeploymentKind,
  version: r.version,
  changeRequestId: r.change_request_id,
  actor: r.actor_label,
  actorUserId: r.actor_user_id,
  status: r.status as DeploymentStatus,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  gateCheckId: r.gate_check_id,
  overrideReason: r.override_reason,
  rollsBackId: r.rolls_back_id,
  source: r.source,
})

export async function getDeployment(db: Db, id: string): Promise<Deployment> {
  const row = await db.selectFrom('deployments').selectAll().where('id', '=', id).executeTakeFirst()
  if (row === undefined) throw new AppError('E_NOT_FOUND', `deployment ${id} does not exist`)
  return deploymentFromRow(row)
}

export interface DeploymentFilter {
  readonly serviceIds?: readonly string[] | undefined
  readonly status?: DeploymentStatus | undefined
  readonly kind?: DeploymentKind | undefined
  readonly from?: Instant | undefined
  readonly to?: Instant | undefined
  readonly limit?: number | undefined
}

/** Deployments, newest first. */
export async function listDeployments(db: Db, f: DeploymentFilter = {}): Promise<Deployment[]> {
  let q = db.selectFrom('deployments').selectAll().orderBy('started_at', 'desc').orderBy('id', 'desc')
  if (f.serviceIds !== undefined) q = f.serviceIds.length === 0 ? q.where('id', '=', '') : q.where('service_id', 'in', [...f.serviceIds])
  if (f.status !== undefined) q = q.where('status', '=', f.status)
  if (f.kind !== undefined) q = q.where('kind', '=', f.kind)
  if (f.from !== undefined) q = q.where('started_at', '>=', f.from)
  if (f.to !== undefined) q = q.where('started_at', '<', f.to)
  if (f.limit !== undefined) q = q.limit(f.limit)
  return (await q.execute()).map(deploymentFromRow)
}

export interface StartDeploymentInput {
  readonly version: string
  readonly kind?: DeploymentKind | undefined
  readonly overrideReason?: string | undefined
  readonly source?: string | undefined
}

const MAX_VERSION = 200

function checkVersion(version: string, field = 'version'): string {
  const v = version.trim()
  if (v === '' || v.length > MAX_VERSION) throw validationError([{ field, reason: `must be 1–${MAX_VERSION} characters: the version, tag or commit being deployed` }])
  return v
}

/**
 * Records the start of a deployment after `check` (run at the same moment, in its own committed
 * transaction so the check is kept even when this is refused). Denied without an override reason:
 * E_CONFLICT listing the reasons. The change's own state moves to in progress when it can.
 */
export async function startDeployment(ctx: CommandCtx, p: Principal, check: DeployCheck, input: StartDeploymentInput): Promise<Deployment> {
  const version = checkVersion(input.version)
  const override = (input.overrideReason ?? '').trim()
  if (!check.allowed && override === '') {
    const reasons = check.reasons.filter((r) => r.effect === 'deny').map((r) => `${r.code}: ${r.message}`)
    throw conflict(`The deploy gate denies deploying ${check.service.name} now (check ${check.checkId}): ${reasons.join('; ')}. Deploy later, or give an override reason (it is audited).`)
  }
  if (!check.allowed && override.length < 10) throw validationError([{ field: 'overrideReason', reason: 'say why deploying against the gate is right (at least a few words): the reason is audited' }])
  if (check.change !== null) {
    const change = await getChange(ctx.db, check.change.id)
    const startable = change.state === 'approved' || (change.type === 'emergency' && change.state === 'submitted')
    if (startable && (input.kind ?? 'deploy') === 'deploy') await actOnChange(ctx, p, change.id, 'start')
  }
  const id = newId()
  await ctx.db
    .insertInto('deployments')
    .values({
      id,
      service_id: check.service.id,
      kind: input.kind ?? 'deploy',
      version,
      change_request_id: check.change?.id ?? null,
      actor_label: ctx.actor.label,
      actor_user_id: ctx.actor.userId,
      status: 'in_progress',
      started_at: ctx.now,
      finished_at: null,
      gate_check_id: check.checkId,
      override_reason: check.allowed ? null : override,
      rolls_back_id: null,
      source: input.source ?? 'api',
    })
    .execute()
  const deployment = await getDeployment(ctx.db, id)
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'deployment.start', entityType: 'deployment', entityId: id, teamId: check.service.teamId, after: deployment })
  if (!check.allowed) {
    await recordAudit(ctx.db, ctx.now, {
      actor: ctx.actor,
      action: 'deployment.override',
      entityType: 'deployment',
      entityId: id,
      teamId: check.service.teamId,
      after: { overrideReason: override, checkId: check.checkId, denied: check.reasons.filter((r) => r.effect === 'deny') },
    })
  }
  return deployment
}

/** Marks an in-progress deployment succeeded or failed. */
export async function finishDeployment(ctx: CommandCtx, id: string, status: 'succeeded' | 'failed'): Promise<Deployment> {
  const before = await getDeployment(ctx.db, id)
  if (before.status !== 'in_progress') throw conflict(`deployment ${id} is already ${before.status.replace('_', ' ')}`)
  await ctx.db.updateTable('deployments').set({ status, finished_at: ctx.now }).where('id', '=', id).execute()
  const after = await getDeployment(ctx.db, id)
  const service = await getService(ctx.db, before.serviceId)
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'deployment.finish', entityType: 'deployment', entityId: id, teamId: service.teamId, before: { status: before.status }, after: { status } })
  return after
}

/** The version deployed (successfully) on a service before `before`, if any. */
export async function previousVersion(db: Db, serviceId: string, before: Deployment): Promise<string | null> {
  const row = await db
    .selectFrom('deployments')
    .select('version')
    .where('service_id', '=', serviceId)
    .where('id', '!=', before.id)
    .where('status', 'in', ['succeeded', 'in_progress'])
    .where('version', '!=', before.version)
    .where('started_at', '<=', before.startedAt)
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst()
  return row?.version ?? null
}

export interface RollbackInput {
  /** The version to return to; default the version deployed before the one undone. */
  readonly version?: string | undefined
  readonly reason?: string | undefined
  /** Record the rollback as started (finish it later); default: recorded as done. */
  readonly inProgress?: boolean | undefined
  readonly source?: string | undefined
}

/**
 * Records a rollback of a deployment: a 'rollback' deployment to the previous version, the
 * original marked rolled back, and its change request rolled back when it was in progress or done.
 * Rollbacks are always allowed by the gate, so no check blocks this.
 */
export async function rollbackDeployment(ctx: CommandCtx, p: Principal, id: string, input: RollbackInput): Promise<{ rollback: Deployment; original: Deployment }> {
  const original = await getDeployment(ctx.db, id)
  if (original.kind !== 'deploy') throw conflict(`deployment ${id} is itself a rollback; record a new deployment instead`)
  if (original.status === 'rolled_back') throw conflict(`deployment ${id} (${original.version}) is already rolled back`)
  const target = input.version ?? (await previousVersion(ctx.db, original.serviceId, original))
  if (target === null) throw validationError([{ field: 'version', reason: `no earlier deployment of this service is recorded: say which version to roll back to` }])
  const version = checkVersion(target)
  const service = await getService(ctx.db, original.serviceId)
  const rollbackId = newId()
  const done = input.inProgress !== true
  await ctx.db
    .insertInto('deployments')
    .values({
      id: rollbackId,
      service_id: original.serviceId,
      kind: 'rollback',
      version,
      change_request_id: original.changeRequestId,
      actor_label: ctx.actor.label,
      actor_user_id: ctx.actor.userId,
      status: done ? 'succeeded' : 'in_progress',
      started_at: ctx.now,
      finished_at: done ? ctx.now : null,
      gate_check_id: null,
      override_reason: null,
      rolls_back_id: original.id,
      source: input.source ?? 'api',
    })
    .execute()
  await ctx.db.updateTable('deployments').set({ status: 'rolled_back', finished_at: original.finishedAt ?? ctx.now }).where('id', '=', original.id).execute()
  if (original.changeRequestId !== null) {
    const change = await getChange(ctx.db, original.changeRequestId)
    if (change.state === 'in_progress' || change.state === 'done') await actOnChange(ctx, p, change.id, 'rollback', input.reason ?? '')
  }
  const rollback = await getDeployment(ctx.db, rollbackId)
  await recordAudit(ctx.db, ctx.now, {
    actor: ctx.actor,
    action: 'deployment.rollback',
    entityType: 'deployment',
    entityId: original.id,
    teamId: service.teamId,
    before: { status: original.status, version: original.version },
    after: { rollbackId, version, reason: (input.reason ?? '').trim() },
  })
  return { rollback, original: await getDeployment(ctx.db, original.id) }
}
