/**
 * Stored freezes. A freeze names who may approve exceptions to it (`approverIds`); with nobody
 * named, only global administrators may. Exceptions themselves are change approvals (the change
 * requests domain stores them with scope = the freeze id).
 */
import { FieldErrors, notFound, validationError } from '../../lib/errors.js'
import { newId } from '../../lib/ids.js'
import type { Instant } from '../../lib/time/index.js'
import type { Db, FreezesTable } from '../../storage/index.js'
import { recordAudit } from '../audit/index.js'
import type { Principal } from '../auth/index.js'
import type { CommandCtx } from '../command.js'
import { validateFreeze } from './freezes.js'
import type { Freeze, FreezeScope } from './model.js'

/** A freeze as stored, with its exception approvers and bookkeeping. */
export interface StoredFreeze extends Freeze {
  /** User ids who may approve exceptions; empty = global administrators only. */
  readonly approverIds: readonly string[]
  readonly createdBy: string | null
  readonly createdAt: Instant
}

/** A freeze as received: scope ids and approvers may be names or emails; they are resolved to ids. */
export interface FreezeBody {
  readonly name?: string | undefined
  readonly start?: Instant | undefined
  readonly end?: Instant | undefined
  readonly scope?: { readonly kind: string; readonly teamIds?: readonly string[] | undefined; readonly serviceIds?: readonly string[] | undefined } | undefined
  readonly reason?: string | undefined
  readonly approverIds?: readonly string[] | undefined
}

function scopeOf(r: FreezesTable): FreezeScope {
  const ids = JSON.parse(r.scope_ids_json) as string[]
  if (r.scope_kind === 'teams') return { kind: 'teams', teamIds: ids }
  if (r.scope_kind === 'services') return { kind: 'services', serviceIds: ids }
  return { kind: 'all' }
}

const fromRow = (r: FreezesTable): StoredFreeze => ({
  id: r.id,
  name: r.name,
  start: r.start_at,
  end: r.end_at,
  scope: scopeOf(r),
  reason: r.reason,
  approverIds: JSON.parse(r.approver_ids_json) as string[],
  createdBy: r.created_by,
  createdAt: r.created_at,
})

/** Freezes overlapping [from, to) (all of them without a range), earliest first. */
export async function listFreezes(db: Db, range: { from?: Instant | undefined; to?: Instant | undefined } = {}): Promise<StoredFreeze[]> {
  let q = db.selectFrom('freezes').selectAll().orderBy('start_at').orderBy('id')
  if (range.from !== undefined) q = q.where('end_at', '>', range.from)
  if (range.to !== undefined) q = q.where('start_at', '<', range.to)
  return (await q.execute()).map(fromRow)
}

export async function getFreeze(db: Db, id: string): Promise<StoredFreeze> {
  const row = await db.selectFrom('freezes').selectAll().where('id', '=', id).executeTakeFirst()
  if (row === undefined) throw notFound('freeze', id)
  return fromRow(row)
}

/** The teams a freeze's scope reaches (for authorization); null = every team (scope all). */
export async function freezeTeamIds(db: Db, scope: FreezeScope): Promise<string[] | null> {
  if (scope.kind === 'all') return null
  if (scope.kind === 'teams') return [...scope.teamIds]
  if (scope.serviceIds.length === 0) return []
  const rows = await db.selectFrom('services').select('team_id').where('id', 'in', [...scope.serviceIds]).execute()
  return [...new Set(rows.map((r) => r.team_id))]
}

/** Whether the principal may approve an exception to this freeze. */
export function mayApproveException(freeze: StoredFreeze, p: Principal): boolean {
  return p.isAdmin || freeze.approverIds.includes(p.userId)
}

async function resolveIds(db: Db, table: 'teams' | 'services', refs: readonly string[], field: string, errors: FieldErrors): Promise<string[]> {
  const out: string[] = []
  for (const [i, ref] of refs.entries()) {
    const row = await db.selectFrom(table).select('id').where((eb) => eb.or([eb('id', '=', ref), eb('name', '=', ref)])).executeTakeFirst()
    if (row === undefined) errors.add(`${field}[${i}]`, `${table === 'teams' ? 'team' : 'service'} ${ref} does not exist`)
    else out.push(row.id)
  }
  return out
}

async function resolveApprovers(db: Db, refs: readonly string[], errors: FieldErrors): Promise<string[]> {
  const out: string[] = []
  for (const [i, ref] of refs.entries()) {
    const row = await db.selectFrom('users').select('id').where((eb) => eb.or([eb('id', '=', ref), eb('email', '=', ref.toLowerCase())])).executeTakeFirst()
    if (row === undefined) errors.add(`approverIds[${i}]`, `user ${ref} does not exist`)
    else if (!out.includes(row.id)) out.push(row.id)
  }
  return out
}

/** Validates a whole freeze body, resolving names to ids; throws every field error at once. */
async function normalize(db: Db, b: FreezeBody): Promise<Omit<StoredFreeze, 'id' | 'createdBy' | 'createdAt'>> {
  const errors = new FieldErrors()
  if (b.start === undefined) errors.add('start', 'is required')
  if (b.end === undefined) errors.add('end', 'is required')
  const kind = b.scope?.kind ?? 'all'
  let scope: FreezeScope = { kind: 'all' }
  if (kind === 'teams') scope = { kind: 'teams', teamIds: await resolveIds(db, 'teams', b.scope?.teamIds ?? [], 'scope.teamIds', errors) }
  else if (kind === 'services') scope = { kind: 'services', serviceIds: await resolveIds(db, 'services', b.scope?.serviceIds ?? [], 'scope.serviceIds', errors) }
  else if (kind !== 'all') errors.add('scope.kind', `must be all, teams or services, got ${JSON.stringify(kind)}`)
  const approverIds = await resolveApprovers(db, b.approverIds ?? [], errors)
  const checked = validateFreeze({ name: b.name ?? '', start: b.start ?? 0, end: b.end ?? 0, scope, reason: b.reason ?? '' })
  // A field already reported (an unknown team, a missing start) is not reported again in other words.
  const reported = (field: string) => errors.list.some((e) => e.field === field || e.field.startsWith(`${field}[`))
  if (!checked.ok) for (const e of checked.errors) if (!reported(e.field)) errors.add(e.field, e.reason)
  errors.throwIfAny()
  if (!checked.ok) throw validationError(checked.errors)
  return { ...checked.value, approverIds }
}

export async function createFreeze(ctx: CommandCtx, body: FreezeBody): Promise<StoredFreeze> {
  const f = await normalize(ctx.db, body)
  const id = newId()
  await ctx.db
    .insertInto('freezes')
    .values({
      id,
      name: f.name,
      start_at: f.start,
      end_at: f.end,
      scope_kind: f.scope.kind,
      scope_ids_json: JSON.stringify(f.scope.kind === 'teams' ? f.scope.teamIds : f.scope.kind === 'services' ? f.scope.serviceIds : []),
      reason: f.reason,
      approver_ids_json: JSON.stringify(f.approverIds),
      created_by: ctx.actor.userId,
      created_at: ctx.now,
    })
    .execute()
  const freeze = await getFreeze(ctx.db, id)
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'freeze.create', entityType: 'freeze', entityId: id, after: freeze })
  return freeze
}

/** Updates a freeze; absent fields keep their value, `scope` and `approverIds` replace. */
export async function updateFreeze(ctx: CommandCtx, id: string, patch: FreezeBody): Promise<StoredFreeze> {
  const before = await getFreeze(ctx.db, id)
  const beforeScope = { kind: before.scope.kind, teamIds: before.scope.kind === 'teams' ? before.scope.teamIds : [], serviceIds: before.scope.kind === 'services' ? before.scope.serviceIds : [] }
  const f = await normalize(ctx.db, {
    name: patch.name ?? before.name,
    start: patch.start ?? before.start,
    end: patch.end ?? before.end,
    scope: patch.scope ?? beforeScope,
    reason: patch.reason ?? before.reason,
    approverIds: patch.approverIds ?? before.approverIds,
  })
  await ctx.db
    .updateTable('freezes')
    .set({
      name: f.name,
      start_at: f.start,
      end_at: f.end,
      scope_kind: f.scope.kind,
      scope_ids_json: JSON.stringify(f.scope.kind === 'teams' ? f.scope.teamIds : f.scope.kind === 'services' ? f.scope.serviceIds : []),
      reason: f.reason,
      approver_ids_json: JSON.stringify(f.approverIds),
    })
    .where('id', '=', id)
    .execute()
  const after = await getFreeze(ctx.db, id)
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'freeze.update', entityType: 'freeze', entityId: id, before, after })
  return after
}

/** Deletes a freeze; exceptions granted for it go with it. */
export async function deleteFreeze(ctx: CommandCtx, id: string): Promise<void> {
  const before = await getFreeze(ctx.db, id)
  await ctx.db.deleteFrom('change_approvals').where('scope', '=', id).execute()
  await ctx.db.deleteFrom('freezes').where('id', '=', id).execute()
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'freeze.delete', entityType: 'freeze', entityId: id, before })
}
