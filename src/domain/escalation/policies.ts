import { conflict, FieldErrors, notFound } from '../../lib/errors.js'
import { newId } from '../../lib/ids.js'
import type { Db } from '../../storage/index.js'
import { recordAudit } from '../audit/index.js'
import type { CommandCtx } from '../command.js'
import type { EscalationPolicy, StepTarget } from './model.js'

export interface PolicyInput {
  readonly name?: string | undefined
  readonly teamId?: string | undefined
  readonly description?: string | undefined
  readonly repeatCount?: number | undefined
  readonly steps?: readonly { targets: readonly { type: string; id: string }[]; delayMinutes: number }[] | undefined
}

/** Finds a policy by id or name, with its steps and targets in order. */
export async function findPolicy(db: Db, ref: string): Promise<EscalationPolicy | null> {
  const row = await db.selectFrom('escalation_policies').selectAll().where((eb) => eb.or([eb('id', '=', ref), eb('name', '=', ref)])).executeTakeFirst()
  if (row === undefined) return null
  return (await withSteps(db, [row]))[0] ?? null
}

export async function getPolicy(db: Db, ref: string): Promise<EscalationPolicy> {
  const policy = await findPolicy(db, ref)
  if (policy === null) throw notFound('escalation policy', ref)
  return policy
}

export async function listPolicies(db: Db, filter: { teamId?: string | undefined } = {}): Promise<EscalationPolicy[]> {
  let q = db.selectFrom('escalation_policies').selectAll().orderBy('name')
  if (filter.teamId !== undefined) q = q.where('team_id', '=', filter.teamId)
  return withSteps(db, await q.execute())
}

async function withSteps(db: Db, rows: readonly { id: string; team_id: string; name: string; description: string; repeat_count: number; created_at: number; updated_at: number }[]): Promise<EscalationPolicy[]> {
  if (rows.length === 0) return []
  const steps = await db.selectFrom('escalation_steps').selectAll().where('policy_id', 'in', rows.map((r) => r.id)).orderBy('position').execute()
  const targets = steps.length === 0 ? [] : await db.selectFrom('escalation_step_targets').selectAll().where('step_id', 'in', steps.map((s) => s.id)).orderBy('position').execute()
  return rows.map((r) => ({
    id: r.id,
    teamId: r.team_id,
    name: r.name,
    description: r.description,
    repeatCount: r.repeat_count,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    steps: steps
      .filter((s) => s.policy_id === r.id)
      .map((s) => ({
        id: s.id,
        delayMinutes: s.delay_minutes,
        targets: targets.filter((t) => t.step_id === s.id).map((t): StepTarget => ({ type: t.target_type as StepTarget['type'], id: t.target_id })),
      })),
  }))
}

interface NormalizedPolicy {
  name: string
  teamId: string
  description: string
  repeatCount: number
  steps: { targets: StepTarget[]; delayMinutes: number }[]
}

async function normalizePolicy(db: Db, input: PolicyInput, selfId: string | null): Promise<NormalizedPolicy> {
  const errors = new FieldErrors()
  const name = (input.name ?? '').trim()
  if (name === '') errors.add('name', 'must not be empty')
  else if (name.length > 100) errors.add('name', 'must be at most 100 characters')
  else {
    const taken = await db.selectFrom('escalation_policies').select('id').where('name', '=', name).executeTakeFirst()
    if (taken !== undefined && taken.id !== selfId) errors.add('name', `a policy named ${JSON.stringify(name)} already exists`)
  }
  const teamId = input.teamId ?? ''
  if ((await db.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst()) === undefined) {
    errors.add('teamId', teamId === '' ? 'is required: every policy is owned by a team' : `team ${teamId} does not exist`)
  }
  const repeatCount = input.repeatCount ?? 2
  if (!Number.isInteger(repeatCount) || repeatCount < 0 || repeatCount > 20) errors.add('repeatCount', 'must be a whole number from 0 to 20')
  const steps = input.steps ?? []
  if (steps.length === 0) errors.add('steps', 'must have at least one step: someone has to be paged')
  if (steps.length > 20) errors.add('steps', 'must have at most 20 steps')
  const userIds = new Set((await db.selectFrom('users').select('id').execute()).map((r) => r.id))
  const scheduleIds = new Set((await db.selectFrom('schedules').select('id').execute()).map((r) => r.id))
  const normalizedSteps = steps.map((step, i) => {
    if (!Number.isInteger(step.delayMinutes) || step.delayMinutes < 0 || step.delayMinutes > 1440) {
      errors.add(`steps[${i}].delayMinutes`, 'must be a whole number of minutes from 0 to 1440')
    }
    if (step.targets.length === 0) errors.add(`steps[${i}].targets`, 'must name at least one user or schedule')
    const targets = step.targets.map((t, j): StepTarget => {
      if (t.type !== 'user' && t.type !== 'schedule') errors.add(`steps[${i}].targets[${j}].type`, `must be user or schedule, got ${JSON.stringify(t.type)}`)
      else if (t.type === 'user' && !userIds.has(t.id)) errors.add(`steps[${i}].targets[${j}].id`, `user ${t.id} does not exist`)
      else if (t.type === 'schedule' && !scheduleIds.has(t.id)) errors.add(`steps[${i}].targets[${j}].id`, `schedule ${t.id} does not exist`)
      return { type: t.type === 'schedule' ? 'schedule' : 'user', id: t.id }
    })
    return { targets, delayMinutes: step.delayMinutes }
  })
  errors.throwIfAny()
  return { name, teamId, description: (input.description ?? '').trim(), repeatCount, steps: normalizedSteps }
}

async function saveSteps(db: Db, policyId: string, steps: NormalizedPolicy['steps']): Promise<void> {
  await db.deleteFrom('escalation_steps').where('policy_id', '=', policyId).execute()
  for (const [position, step] of steps.entries()) {
    const stepId = newId()
    await db.insertInto('escalation_steps').values({ id: stepId, policy_id: policyId, position, delay_minutes: step.delayMinutes }).execute()
    await db
      .insertInto('escalation_step_targets')
      .values(step.targets.map((t, i) => ({ step_id: stepId, position: i, target_type: t.type, target_id: t.id })))
      .execute()
  }
}

export async function createPolicy(ctx: CommandCtx, input: PolicyInput): Promise<EscalationPolicy> {
  const p = await normalizePolicy(ctx.db, input, null)
  const id = newId()
  await ctx.db
    .insertInto('escalation_policies')
    .values({ id, team_id: p.teamId, name: p.name, description: p.description, repeat_count: p.repeatCount, created_at: ctx.now, updated_at: ctx.now })
    .execute()
  await saveSteps(ctx.db, id, p.steps)
  const policy = await getPolicy(ctx.db, id)
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'escalation_policy.create', entityType: 'escalation_policy', entityId: id, teamId: p.teamId, after: policy })
  return policy
}

/** Updates a policy; `steps`, when given, replaces all steps. Open alerts keep their position. */
export async function updatePolicy(ctx: CommandCtx, id: string, patch: PolicyInput): Promise<EscalationPolicy> {
  const before = await getPolicy(ctx.db, id)
  const p = await normalizePolicy(
    ctx.db,
    {
      name: patch.name ?? before.name,
      teamId: patch.teamId ?? before.teamId,
      description: patch.description ?? before.description,
      repeatCount: patch.repeatCount ?? before.repeatCount,
      steps: patch.steps ?? before.steps,
    },
    id,
  )
  await ctx.db
    .updateTable('escalation_policies')
    .set({ team_id: p.teamId, name: p.name, description: p.description, repeat_count: p.repeatCount, updated_at: ctx.now })
    .where('id', '=', id)
    .execute()
  if (patch.steps !== undefined) await saveSteps(ctx.db, id, p.steps)
  const after = await getPolicy(ctx.db, id)
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'escalation_policy.update', entityType: 'escalation_policy', entityId: id, teamId: p.teamId, before, after })
  return after
}

/** Deletes a policy no service uses (their alerts would page nobody). */
export async function deletePolicy(ctx: CommandCtx, id: string): Promise<void> {
  const before = await getPolicy(ctx.db, id)
  const user = await ctx.db.selectFrom('services').select('name').where('escalation_policy_id', '=', id).executeTakeFirst()
  if (user !== undefined) throw conflict(`service ${user.name} uses this policy; give it another one first`)
  await ctx.db.deleteFrom('escalation_policies').where('id', '=', id).execute()
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'escalation_policy.delete', entityType: 'escalation_policy', entityId: id, teamId: before.teamId, before })
}
