import { conflict, FieldErrors, notFound, validationError, AppError } from '../../lib/errors.js'
import { newId } from '../../lib/ids.js'
import { recordAudit } from '../audit/index.js'
import type { CommandCtx } from '../command.js'
import type { OverrideKind } from './model.js'
import { normalizeSchedule, validateOverride, type InstantInput, type RestrictionInput } from './normalize.js'
import { getSchedule, loadOverrides, saveLayers, type OverrideRecord, type Schedule } from './store.js'

/** A layer as a client sends it; ids are assigned here. */
export interface LayerInputBody {
  readonly name?: string | undefined
  readonly timeZone?: string | null | undefined
  readonly startsAt: InstantInput
  readonly endsAt?: InstantInput | null | undefined
  readonly shiftLength: number
  readonly shiftUnit: string
  readonly handoffTime: string
  readonly members: readonly string[]
  readonly restrictions?: readonly RestrictionInput[] | undefined
}

export interface ScheduleInputBody {
  readonly name?: string | undefined
  readonly teamId?: string | undefined
  readonly description?: string | undefined
  readonly timeZone?: string | undefined
  readonly layers?: readonly LayerInputBody[] | undefined
}

/** Validates the whole schedule (shape via normalizeSchedule, then names, team and members in the database). */
async function normalizeAll(ctx: CommandCtx, id: string, input: ScheduleInputBody): Promise<{ name: string; teamId: string; description: string; def: ReturnType<typeof normalizeSchedule> }> {
  const errors = new FieldErrors()
  const name = (input.name ?? '').trim()
  if (name === '') errors.add('name', 'must not be empty')
  else if (name.length > 100) errors.add('name', 'must be at most 100 characters')
  else {
    const taken = await ctx.db.selectFrom('schedules').select('id').where('name', '=', name).executeTakeFirst()
    if (taken !== undefined && taken.id !== id) errors.add('name', `a schedule named ${JSON.stringify(name)} already exists`)
  }
  const teamId = input.teamId ?? ''
  if ((await ctx.db.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst()) === undefined) {
    errors.add('teamId', teamId === '' ? 'is required: every schedule is owned by a team' : `team ${teamId} does not exist`)
  }
  const layers = (input.layers ?? []).map((l, i) => ({ ...l, id: newId(), name: l.name ?? `Layer ${i + 1}` }))
  let def: ReturnType<typeof normalizeSchedule> | null = null
  try {
    def = normalizeSchedule({ id, timeZone: input.timeZone ?? '', layers })
  } catch (err) {
    if (!(err instanceof AppError)) throw err
    for (const f of err.fields) errors.add(f.field, f.reason)
  }
  const memberIds = [...new Set(layers.flatMap((l) => l.members))]
  const known = new Set(
    memberIds.length === 0 ? [] : (await ctx.db.selectFrom('users').select('id').where('id', 'in', memberIds).execute()).map((r) => r.id),
  )
  layers.forEach((l, i) =>
    l.members.forEach((m, j) => {
      if (m !== '' && !known.has(m)) errors.add(`layers[${i}].members[${j}]`, `user ${m} does not exist`)
    }),
  )
  if (!errors.isEmpty || def === null) throw validationError(errors.list)
  return { name, teamId, description: (input.description ?? '').trim(), def }
}

export async function createSchedule(ctx: CommandCtx, input: ScheduleInputBody & { isDemo?: boolean }): Promise<Schedule> {
  const id = newId()
  const s = await normalizeAll(ctx, id, input)
  await ctx.db
    .insertInto('schedules')
    .values({ id, team_id: s.teamId, name: s.name, description: s.description, time_zone: s.def.timeZone, is_demo: input.isDemo === true ? 1 : 0, ical_token_hash: null, created_at: ctx.now, updated_at: ctx.now })
    .execute()
  await saveLayers(ctx.db, id, s.def.layers)
  const schedule = await getSchedule(ctx.db, id)
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'schedule.create', entityType: 'schedule', entityId: id, teamId: s.teamId, after: schedule })
  return schedule
}

/** Updates a schedule; `layers`, when given, replaces all layers at once. */
export async function updateSchedule(ctx: CommandCtx, id: string, patch: ScheduleInputBody): Promise<Schedule> {
  const before = await getSchedule(ctx.db, id)
  const s = await normalizeAll(ctx, id, {
    name: patch.name ?? before.name,
    teamId: patch.teamId ?? before.teamId,
    description: patch.description ?? before.description,
    timeZone: patch.timeZone ?? before.timeZone,
    layers: patch.layers ?? before.layers,
  })
  await ctx.db.updateTable('schedules').set({ name: s.name, team_id: s.teamId, description: s.description, time_zone: s.def.timeZone, updated_at: ctx.now }).where('id', '=', id).execute()
  await saveLayers(ctx.db, id, s.def.layers)
  const after = await getSchedule(ctx.db, id)
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'schedule.update', entityType: 'schedule', entityId: id, teamId: after.teamId, before, after })
  return after
}

export async function deleteSchedule(ctx: CommandCtx, id: string): Promise<void> {
  const before = await getSchedule(ctx.db, id)
  await ctx.db.deleteFrom('schedules').where('id', '=', id).execute()
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'schedule.delete', entityType: 'schedule', entityId: id, teamId: before.teamId, before })
}

export interface OverrideInputBody {
  readonly userId: string
  readonly replacesUserId?: string | null | undefined
  readonly start: InstantInput
  readonly end: InstantInput
  readonly kind?: string | undefined
  readonly reason?: string | undefined
}

/** Creates an override; `relief` is reserved for on-call health unless `allowRelief` is set. */
export async function createOverride(ctx: CommandCtx, scheduleId: string, input: OverrideInputBody, opts: { allowRelief?: boolean } = {}): Promise<OverrideRecord> {
  const schedule = await getSchedule(ctx.db, scheduleId)
  const id = newId()
  const errors = new FieldErrors()
  let override: ReturnType<typeof validateOverride> | null = null
  try {
    override = validateOverride({ ...input, id, kind: input.kind ?? 'manual', createdSeq: 0 })
  } catch (err) {
    if (!(err instanceof AppError)) throw err
    for (const f of err.fields) errors.add(f.field, f.reason)
  }
  if (input.kind === 'relief' && opts.allowRelief !== true) errors.add('kind', 'relief overrides are created by on-call health; use manual or swap')
  for (const field of ['userId', 'replacesUserId'] as const) {
    const ref = input[field]
    if (ref === undefined || ref === null || ref === '') continue
    if ((await ctx.db.selectFrom('users').select('id').where('id', '=', ref).executeTakeFirst()) === undefined) errors.add(field, `user ${ref} does not exist`)
  }
  const reason = (input.reason ?? '').trim()
  if (reason.length > 500) errors.add('reason', 'must be at most 500 characters')
  if (!errors.isEmpty || override === null) throw validationError(errors.list)
  await ctx.db
    .insertInto('schedule_overrides')
    .values({
      id,
      schedule_id: schedule.id,
      user_id: override.userId,
      replaces_user_id: override.replacesUserId,
      kind: override.kind,
      start_at: override.start,
      end_at: override.end,
      reason,
      created_by: ctx.actor.userId,
      created_at: ctx.now,
    })
    .execute()
  const record = (await loadOverrides(ctx.db, schedule.id, override.start, override.end)).find((o) => o.id === id)
  if (record === undefined) throw new Error('override vanished after insert')
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'schedule.override.create', entityType: 'schedule', entityId: schedule.id, teamId: schedule.teamId, after: record })
  return record
}

/** Deletes an override (an ended one stays as history unless `force`). */
export async function deleteOverride(ctx: CommandCtx, scheduleId: string, overrideId: string): Promise<void> {
  const schedule = await getSchedule(ctx.db, scheduleId)
  const row = await ctx.db.selectFrom('schedule_overrides').selectAll().where('id', '=', overrideId).where('schedule_id', '=', schedule.id).executeTakeFirst()
  if (row === undefined) throw notFound('override', overrideId)
  if (row.end_at <= ctx.now) throw conflict('this override has already ended; it stays as history')
  await ctx.db.deleteFrom('schedule_overrides').where('id', '=', overrideId).execute()
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'schedule.override.delete', entityType: 'schedule', entityId: schedule.id, teamId: schedule.teamId, before: row })
}

export type { OverrideKind }
