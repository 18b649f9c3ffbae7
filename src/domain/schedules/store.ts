import { notFound } from '../../lib/errors.js'
import type { Instant, LocalTime, Weekday } from '../../lib/time/index.js'
import type { Db, SchedulesTable } from '../../storage/index.js'
import type { Layer, Override, OverrideKind, Restriction, ScheduleDef, ShiftUnit } from './model.js'

/** A stored schedule: who owns it and its layers (the part `ScheduleDef` computes from). */
export interface Schedule extends ScheduleDef {
  readonly teamId: string
  readonly name: string
  readonly description: string
  readonly isDemo: boolean
  readonly createdAt: Instant
  readonly updatedAt: Instant
}

/** A stored override with its bookkeeping. */
export interface OverrideRecord extends Override {
  readonly scheduleId: string
  readonly reason: string
  readonly createdBy: string | null
  readonly createdAt: Instant
}

/** Finds a schedule by id or name, with its layers. */
export async function findSchedule(db: Db, ref: string): Promise<Schedule | null> {
  const row = await db.selectFrom('schedules').selectAll().where((eb) => eb.or([eb('id', '=', ref), eb('name', '=', ref)])).executeTakeFirst()
  if (row === undefined) return null
  return (await withLayers(db, [row]))[0] ?? null
}

export async function getSchedule(db: Db, ref: string): Promise<Schedule> {
  const schedule = await findSchedule(db, ref)
  if (schedule === null) throw notFound('schedule', ref)
  return schedule
}

export async function listSchedules(db: Db, filter: { teamId?: string | undefined } = {}): Promise<Schedule[]> {
  let q = db.selectFrom('schedules').selectAll().orderBy('name')
  if (filter.teamId !== undefined) q = q.where('team_id', '=', filter.teamId)
  return withLayers(db, await q.execute())
}

async function withLayers(db: Db, rows: readonly SchedulesTable[]): Promise<Schedule[]> {
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.id)
  const layerRows = await db.selectFrom('schedule_layers').selectAll().where('schedule_id', 'in', ids).orderBy('position').execute()
  const memberRows =
    layerRows.length === 0
      ? []
      : await db.selectFrom('schedule_layer_members').selectAll().where('layer_id', 'in', layerRows.map((l) => l.id)).orderBy('position').execute()
  return rows.map((r) => ({
    id: r.id,
    teamId: r.team_id,
    name: r.name,
    description: r.description,
    timeZone: r.time_zone,
    isDemo: r.is_demo === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    layers: layerRows
      .filter((l) => l.schedule_id === r.id)
      .map(
        (l): Layer => ({
          id: l.id,
          name: l.name,
          timeZone: l.time_zone,
          startsAt: l.starts_at,
          endsAt: l.ends_at,
          shiftLength: l.shift_length,
          shiftUnit: l.shift_unit as ShiftUnit,
          handoffTime: l.handoff_time as LocalTime,
          members: memberRows.filter((m) => m.layer_id === l.id).map((m) => m.user_id),
          restrictions: (JSON.parse(l.restrictions_json) as { days: Weekday[]; start: string; end: string }[]).map(
            (x): Restriction => ({ days: x.days, start: x.start as LocalTime, end: x.end as LocalTime }),
          ),
        }),
      ),
  }))
}

/** Writes a schedule's layers, replacing whatever it had (inside the caller's transaction). */
export async function saveLayers(db: Db, scheduleId: string, layers: readonly Layer[]): Promise<void> {
  await db.deleteFrom('schedule_layers').where('schedule_id', '=', scheduleId).execute()
  for (const [position, layer] of layers.entries()) {
    await db
      .insertInto('schedule_layers')
      .values({
        id: layer.id,
        schedule_id: scheduleId,
        position,
        name: layer.name,
        time_zone: layer.timeZone,
        starts_at: layer.startsAt,
        ends_at: layer.endsAt,
        shift_length: layer.shiftLength,
        shift_unit: layer.shiftUnit,
        handoff_time: layer.handoffTime,
        restrictions_json: JSON.stringify(layer.restrictions),
      })
      .execute()
    if (layer.members.length > 0) {
      await db
        .insertInto('schedule_layer_members')
        .values(layer.members.map((userId, i) => ({ layer_id: layer.id, position: i, user_id: userId })))
        .execute()
    }
  }
}

/**
 * Loads the overrides of a schedule that overlap [from, to). `createdSeq` follows creation
 * order (time, then the time-ordered id), so where overrides overlap the newest wins.
 */
export async function loadOverrides(db: Db, scheduleId: string, from: Instant, to: Instant): Promise<OverrideRecord[]> {
  const rows = await db
    .selectFrom('schedule_overrides')
    .selectAll()
    .where('schedule_id', '=', scheduleId)
    .where('end_at', '>', from)
    .where('start_at', '<', to)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  return rows.map((r, i) => ({
    id: r.id,
    scheduleId: r.schedule_id,
    userId: r.user_id,
    replacesUserId: r.replaces_user_id,
    start: r.start_at,
    end: r.end_at,
    kind: r.kind as OverrideKind,
    createdSeq: i,
    reason: r.reason,
    createdBy: r.created_by,
    createdAt: r.created_at,
  }))
}
