import { AppError, FieldErrors, notFound, validationError } from '../../lib/errors.js'
import { newId } from '../../lib/ids.js'
import type { Instant } from '../../lib/time/index.js'
import type { AlarmsTable, Db } from '../../storage/index.js'
import { recordAudit } from '../audit/index.js'
import type { CommandCtx } from '../command.js'
import { normalizeAlarmDefinition, type AlarmDefinition, type AlarmDefinitionInput, type AlarmKind } from './definition.js'
import type { AlarmEvaluationRecord } from './evaluation-record.js'
import type { AlarmState } from './model.js'

/** A stored alarm: its definition and what the engine last concluded. */
export interface Alarm {
  readonly id: string
  readonly serviceId: string
  readonly name: string
  readonly kind: AlarmKind
  readonly definition: AlarmDefinition
  readonly state: AlarmState
  readonly stateReason: string
  readonly stateChangedAt: Instant
  readonly flapping: boolean
  /** The last (up to 21) evaluated states, oldest first: flap detection's input. */
  readonly history: readonly AlarmState[]
  readonly evaluation: AlarmEvaluationRecord | null
  readonly nextCheckAt: Instant
  readonly createdAt: Instant
  readonly updatedAt: Instant
}

/** One state change (or flapping change) of an alarm. */
export interface AlarmHistoryEntry {
  readonly at: Instant
  readonly from: AlarmState
  readonly to: AlarmState
  readonly reason: string
}

/** The typed dedup key of an alarm's alert, so a repeating condition opens one alert. */
export const alarmDedupKey = (alarmId: string): string => `alarm:1:${alarmId}`
/** The dedup key of an SLO alarm's low-urgency ticket (slow burn). */
export const alarmTicketDedupKey = (alarmId: string): string => `alarm:1:${alarmId}:ticket`

/** The alarm id in an alarm's dedup key, or null for any other key. */
export function alarmIdOfDedupKey(key: string): string | null {
  const m = /^alarm:1:([^:]+)(?::ticket)?$/.exec(key)
  return m === null ? null : (m[1] ?? null)
}

export function alarmFromRow(r: AlarmsTable): Alarm {
  return {
    id: r.id,
    serviceId: r.service_id,
    name: r.name,
    kind: r.kind as AlarmKind,
    definition: JSON.parse(r.spec_json) as AlarmDefinition,
    state: r.state as AlarmState,
    stateReason: r.state_reason,
    stateChangedAt: r.state_changed_at,
    flapping: r.flapping === 1,
    history: JSON.parse(r.history_json) as AlarmState[],
    evaluation: r.evaluation_json === null ? null : (JSON.parse(r.evaluation_json) as AlarmEvaluationRecord),
    nextCheckAt: r.next_check_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

export async function listAlarms(db: Db, filter: { serviceIds?: readonly string[] | undefined } = {}): Promise<Alarm[]> {
  let q = db.selectFrom('alarms').selectAll().orderBy('name').orderBy('id')
  if (filter.serviceIds !== undefined) q = filter.serviceIds.length === 0 ? q.where('id', '=', '') : q.where('service_id', 'in', [...filter.serviceIds])
  return (await q.execute()).map(alarmFromRow)
}

export async function findAlarm(db: Db, id: string): Promise<Alarm | null> {
  const row = await db.selectFrom('alarms').selectAll().where('id', '=', id).executeTakeFirst()
  return row === undefined ? null : alarmFromRow(row)
}

export async function getAlarm(db: Db, id: string): Promise<Alarm> {
  const alarm = await findAlarm(db, id)
  if (alarm === null) throw notFound('alarm', id)
  return alarm
}

/** Validates the name and the definition together, so every bad field is reported at once. */
function validate(rawName: string | undefined, spec: AlarmDefinitionInput): { name: string; definition: AlarmDefinition } {
  const errors = new FieldErrors()
  const name = (rawName ?? '').trim()
  if (name === '' || name.length > 100) errors.add('name', 'must be 1 to 100 characters')
  let definition: AlarmDefinition | null = null
  try {
    definition = normalizeAlarmDefinition(spec)
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'E_VALIDATION') throw err
    for (const f of err.fields) errors.add(f.field, f.reason)
  }
  errors.throwIfAny()
  return { name, definition: definition as AlarmDefinition }
}

/** Returns a stored definition as input again, so a patch can be applied field by field. */
function asInput(d: AlarmDefinition): AlarmDefinitionInput {
  const common = { kind: d.kind, severity: d.severity, okPeriodsToResolve: d.okPeriodsToResolve, flap: d.flap }
  if (d.slo !== null) return { ...common, good: d.slo.good, total: d.slo.total, target: d.slo.slo.target, periodDays: d.slo.slo.periodDays }
  return { ...common, ...d.threshold }
}

/** Creates an alarm on a service; it is evaluated at once, then once per period. */
export async function createAlarm(ctx: CommandCtx, serviceId: string, input: AlarmDefinitionInput & { name?: string }): Promise<Alarm> {
  const { name: rawName, ...spec } = input
  const { name, definition: def } = validate(rawName, spec)
  const id = newId()
  await ctx.db
    .insertInto('alarms')
    .values({
      id,
      service_id: serviceId,
      name,
      kind: def.kind,
      spec_json: JSON.stringify(def),
      state: 'INSUFFICIENT_DATA',
      state_reason: 'created; not evaluated yet',
      state_changed_at: ctx.now,
      flapping: 0,
      history_json: '[]',
      next_check_at: ctx.now,
      evaluation_json: null,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    .execute()
  await ctx.db.insertInto('alarm_history').values({ id: newId(), alarm_id: id, at: ctx.now, from_state: 'INSUFFICIENT_DATA', to_state: 'INSUFFICIENT_DATA', reason: `Alarm created by ${ctx.actor.label}` }).execute()
  const alarm = await getAlarm(ctx.db, id)
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'alarm.create', entityType: 'alarm', entityId: id, after: alarm })
  return alarm
}

/** Changes an alarm (fields not given keep their value); it is re-evaluated at once. */
/** A definition with a patch applied (as an update would), validated; for replaying proposed changes. */
export function patchedDefinition(base: AlarmDefinition, patch: AlarmDefinitionInput & { name?: string }): AlarmDefinition {
  const { name: _name, ...spec } = patch
  if (spec.kind !== undefined && spec.kind !== base.kind) throw validationError([{ field: 'kind', reason: `cannot change a ${base.kind} alarm into a ${spec.kind} alarm` }])
  const given = Object.fromEntries(Object.entries(spec).filter(([, v]) => v !== undefined)) as AlarmDefinitionInput
  return validate('replay', { ...asInput(base), ...given }).definition
}

export async function updateAlarm(ctx: CommandCtx, id: string, patch: AlarmDefinitionInput & { name?: string }): Promise<Alarm> {
  const before = await getAlarm(ctx.db, id)
  const { name: rawName, ...spec } = patch
  if (spec.kind !== undefined && spec.kind !== before.kind) {
    throw validationError([{ field: 'kind', reason: `cannot change a ${before.kind} alarm into a ${spec.kind} alarm; create a new alarm` }])
  }
  const given = Object.fromEntries(Object.entries(spec).filter(([, v]) => v !== undefined)) as AlarmDefinitionInput
  const { name, definition } = validate(rawName ?? before.name, { ...asInput(before.definition), ...given })
  await ctx.db
    .updateTable('alarms')
    .set({ name, spec_json: JSON.stringify(definition), next_check_at: ctx.now, updated_at: ctx.now })
    .where('id', '=', id)
    .execute()
  await ctx.db.insertInto('alarm_history').values({ id: newId(), alarm_id: id, at: ctx.now, from_state: before.state, to_state: before.state, reason: `Alarm changed by ${ctx.actor.label}` }).execute()
  const after = await getAlarm(ctx.db, id)
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'alarm.update', entityType: 'alarm', entityId: id, before, after })
  return after
}

/** Deletes an alarm and its history; an open alert it raised stays for people to resolve. */
export async function deleteAlarm(ctx: CommandCtx, id: string): Promise<void> {
  const before = await getAlarm(ctx.db, id)
  await ctx.db.deleteFrom('alarm_history').where('alarm_id', '=', id).execute()
  await ctx.db.deleteFrom('alarms').where('id', '=', id).execute()
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'alarm.delete', entityType: 'alarm', entityId: id, before })
}

/** An alarm's state changes, newest first. */
export async function listAlarmHistory(db: Db, alarmId: string, limit: number): Promise<AlarmHistoryEntry[]> {
  const rows = await db.selectFrom('alarm_history').selectAll().where('alarm_id', '=', alarmId).orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute()
  return rows.map((r) => ({ at: r.at, from: r.from_state as AlarmState, to: r.to_state as AlarmState, reason: r.reason }))
}
