/**
 * Writing change requests: create (a draft), update, comment. Numbers ("CR-42") come from a
 * counter row incremented in the creating transaction, so they are consecutive and never collide,
 * even with concurrent creators on PostgreSQL (the update row-locks the counter until commit).
 * State changes live in actions.ts.
 */
import { AppError, conflict, FieldErrors, forbidden, validationError, type FieldError } from '../../lib/errors.js'
import { newId } from '../../lib/ids.js'
import type { Instant } from '../../lib/time/index.js'
import type { Db } from '../../storage/index.js'
import { recordAudit } from '../audit/index.js'
import { hasTeamRole, type Principal } from '../auth/index.js'
import type { CommandCtx } from '../command.js'
import type { ChangeRequestFields, ChangeRequestInput, ChangeType, Risk, RollbackPlan } from './model.js'
import { computeRiskHint } from './risk-context.js'
import { getChange, type ChangeRequest } from './store.js'
import { validateChangeRequest } from './validate.js'

/** A change request as received from the API: services by id or name, everything optional on update. */
export interface ChangeBody {
  readonly title?: string | undefined
  readonly type?: string | undefined
  readonly serviceIds?: readonly string[] | undefined
  readonly description?: string | undefined
  readonly worstCase?: string | undefined
  readonly rollbackPlan?: Partial<RollbackPlan> | undefined
  readonly verificationSteps?: readonly string[] | undefined
  readonly risk?: string | null | undefined
  readonly plannedAt?: Instant | null | undefined
}

/** A saved (or previewed) change with its validation notes. */
export interface ChangeResult {
  readonly change: ChangeRequest
  /** Hints that do not block (a vague rollback step, no verification steps). */
  readonly warnings: readonly FieldError[]
  /** What still blocks submitting (empty once the change could be submitted). */
  readonly toSubmit: readonly FieldError[]
}

/** Resolves service ids or names to ids, reporting unknown ones as `serviceIds[i]`. */
export async function resolveServiceRefs(db: Db, refs: readonly string[], errors: FieldErrors): Promise<string[]> {
  const out: string[] = []
  for (const [i, ref] of refs.entries()) {
    if (ref.trim() === '') continue
    const row = await db.selectFrom('services').select('id').where((eb) => eb.or([eb('id', '=', ref), eb('name', '=', ref)])).executeTakeFirst()
    if (row === undefined) errors.add(`serviceIds[${i}]`, `service ${ref} does not exist`)
    else if (!out.includes(row.id)) out.push(row.id)
  }
  return out
}

/** Turns an API body into the pure validator's input (unknown type or risk values are kept, so they are reported). */
export function toInput(b: ChangeBody, serviceIds: readonly string[]): ChangeRequestInput {
  return {
    title: b.title ?? '',
    type: (b.type ?? 'normal') as ChangeType,
    serviceIds,
    ...(b.description === undefined ? {} : { description: b.description }),
    ...(b.worstCase === undefined ? {} : { worstCase: b.worstCase }),
    ...(b.rollbackPlan === undefined ? {} : { rollbackPlan: b.rollbackPlan }),
    ...(b.verificationSteps === undefined ? {} : { verificationSteps: b.verificationSteps }),
    ...(b.risk === undefined || b.risk === null ? {} : { risk: b.risk as Risk }),
    ...(b.plannedAt === undefined || b.plannedAt === null ? {} : { plannedAt: b.plannedAt }),
  }
}

/**
 * Validates a body for `mode`, resolving services; throws every error at once. Returns the
 * normalized fields, the warnings, and what would still block a submit.
 */
export async function checkBody(db: Db, b: ChangeBody, mode: 'draft' | 'submit'): Promise<{ value: ChangeRequestFields; warnings: FieldError[]; toSubmit: FieldError[] }> {
  const errors = new FieldErrors()
  const serviceIds = await resolveServiceRefs(db, b.serviceIds ?? [], errors)
  const input = toInput(b, serviceIds)
  const checked = validateChangeRequest(input, mode)
  if (!checked.ok) for (const e of checked.errors) errors.add(e.field, e.reason)
  if (!errors.isEmpty || !checked.ok) throw validationError(errors.list)
  const submit = mode === 'submit' ? checked : validateChangeRequest(input, 'submit')
  return { value: checked.value, warnings: [...submit.warnings], toSubmit: submit.ok ? [] : [...submit.errors] }
}

async function nextChangeNumber(db: Db): Promise<number> {
  await db
    .updateTable('change_request_counter')
    .set((eb) => ({ last_number: eb('last_number', '+', 1) }))
    .where('id', '=', 1)
    .execute()
  const row = await db.selectFrom('change_request_counter').select('last_number').where('id', '=', 1).executeTakeFirstOrThrow()
  return Number(row.last_number)
}

function columns(v: ChangeRequestFields) {
  return {
    title: v.title,
    description: v.description,
    type: v.type,
    service_ids_json: JSON.stringify(v.serviceIds),
    worst_case: v.worstCase,
    rollback_json: JSON.stringify(v.rollbackPlan),
    verification_json: JSON.stringify(v.verificationSteps),
    risk: v.risk,
    planned_at: v.plannedAt,
  }
}

/** The teams that own the services a change touches. */
export async function owningTeamIds(db: Db, change: Pick<ChangeRequest, 'serviceIds'>): Promise<string[]> {
  if (change.serviceIds.length === 0) return []
  const rows = await db.selectFrom('services').select('team_id').where('id', 'in', [...change.serviceIds]).execute()
  return [...new Set(rows.map((r) => r.team_id))]
}

/** Whether the principal holds `role` on a team owning one of the change's services. */
export async function hasRoleOnChange(db: Db, p: Principal, change: Pick<ChangeRequest, 'serviceIds'>, role: 'responder' | 'admin'): Promise<boolean> {
  return p.isAdmin || (await owningTeamIds(db, change)).some((t) => hasTeamRole(p, t, role))
}

/** The author, an admin of an owning team, or a global administrator may edit, submit, cancel or reopen. */
export async function requireAuthorOrAdmin(db: Db, p: Principal, change: ChangeRequest, what: string): Promise<void> {
  if (change.authorId === p.userId || (await hasRoleOnChange(db, p, change, 'admin'))) return
  throw forbidden(`${what} ${change.key} needs its author or an admin of a team that owns one of its services`)
}

/** Creates a draft. The author needs the responder role on a team owning one of the services (when any are named). */
export async function createChange(ctx: CommandCtx, p: Principal, b: ChangeBody): Promise<ChangeResult> {
  const { value, warnings, toSubmit } = await checkBody(ctx.db, b, 'draft')
  if (value.serviceIds.length > 0 && !(await hasRoleOnChange(ctx.db, p, value, 'responder'))) {
    throw forbidden('Opening a change request needs the responder role on a team that owns one of its services')
  }
  const id = newId()
  const number = await nextChangeNumber(ctx.db)
  const hint = await computeRiskHint(ctx.db, value)
  await ctx.db
    .insertInto('change_requests')
    .values({
      id,
      number,
      ...columns(value),
      state: 'draft',
      author_id: p.userId,
      risk_hint_json: JSON.stringify(hint),
      review_due_at: null,
      started_at: null,
      finished_at: null,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    .execute()
  const change = await getChange(ctx.db, id)
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'change_request.create', entityType: 'change_request', entityId: id, teamId: (await owningTeamIds(ctx.db, change))[0] ?? null, after: change })
  return { change, warnings, toSubmit }
}

/** The body a stored change corresponds to, so a patch can be laid over it. */
export function bodyOf(c: ChangeRequest): ChangeBody {
  return {
    title: c.title,
    type: c.type,
    serviceIds: c.serviceIds,
    description: c.description,
    worstCase: c.worstCase,
    rollbackPlan: c.rollbackPlan,
    verificationSteps: c.verificationSteps,
    risk: c.risk,
    plannedAt: c.plannedAt,
  }
}

/**
 * Updates a draft or a submitted (not yet approved) change; a submitted one must still pass the
 * submit checks. Approved and later changes are not edited: cancel and reopen them instead, so no
 * approval ever covers text the approver did not read.
 */
export async function updateChange(ctx: CommandCtx, p: Principal, ref: string, patch: ChangeBody): Promise<ChangeResult> {
  const before = await getChange(ctx.db, ref)
  await requireAuthorOrAdmin(ctx.db, p, before, 'Editing')
  if (before.state !== 'draft' && before.state !== 'submitted') {
    throw conflict(`${before.key} is ${before.state.replace('_', ' ')}: only drafts and submitted changes can be edited (cancel it, reopen it as a draft, then edit)`)
  }
  const merged: ChangeBody = { ...bodyOf(before), ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) }
  const { value, warnings, toSubmit } = await checkBody(ctx.db, merged, before.state === 'submitted' ? 'submit' : 'draft')
  const hint = await computeRiskHint(ctx.db, value)
  await ctx.db.updateTable('change_requests').set({ ...columns(value), risk_hint_json: JSON.stringify(hint), updated_at: ctx.now }).where('id', '=', before.id).execute()
  const after = await getChange(ctx.db, before.id)
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'change_request.update', entityType: 'change_request', entityId: before.id, teamId: (await owningTeamIds(ctx.db, after))[0] ?? null, before, after })
  return { change: after, warnings, toSubmit }
}

/** Adds a comment (any signed-in person may discuss a change). */
export async function addChangeComment(ctx: CommandCtx, p: Principal, ref: string, body: string): Promise<{ id: string; userId: string; body: string; at: Instant }> {
  const change = await getChange(ctx.db, ref)
  const text = body.trim()
  if (text === '') throw new AppError('E_VALIDATION', 'body: must not be empty', { fields: [{ field: 'body', reason: 'must not be empty' }] })
  const id = newId()
  await ctx.db.insertInto('change_comments').values({ id, change_request_id: change.id, user_id: p.userId, body: text, at: ctx.now }).execute()
  const comment = { id, userId: p.userId, body: text, at: ctx.now }
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'change_request.comment', entityType: 'change_request', entityId: change.id, after: comment })
  return comment
}

/** A stored change's warnings, and (for a draft) what still blocks submitting it. */
export function notesOf(c: ChangeRequest): { warnings: FieldError[]; toSubmit: FieldError[] } {
  const checked = validateChangeRequest(toInput(bodyOf(c), c.serviceIds), 'submit')
  return { warnings: [...checked.warnings], toSubmit: c.state === 'draft' && !checked.ok ? [...checked.errors] : [] }
}
