import { DAY_MS, type Instant } from '../../lib/time/index.js'
import type { Db } from '../../storage/index.js'
import { computeFinalShifts, computeLayerShifts, nextHandoff, onCallAt, SEARCH_HORIZON_MS } from './final-schedule.js'
import type { Handoff, Shift } from './model.js'
import { listSchedules, loadOverrides, type OverrideRecord, type Schedule } from './store.js'

/** The final shifts of a schedule over [from, to), optionally with each layer's own shifts. */
export async function scheduleShifts(
  db: Db,
  schedule: Schedule,
  from: Instant,
  to: Instant,
  withLayers = false,
): Promise<{ final: Shift[]; layers: { id: string; name: string; shifts: Shift[] }[]; overrides: OverrideRecord[] }> {
  const overrides = await loadOverrides(db, schedule.id, from, to)
  return {
    final: computeFinalShifts(schedule, overrides, from, to),
    layers: withLayers ? schedule.layers.map((l) => ({ id: l.id, name: l.name, shifts: computeLayerShifts(l, schedule.timeZone, from, to) })) : [],
    overrides,
  }
}

export interface OnCallNow {
  readonly schedule: Schedule
  readonly at: Instant
  readonly shift: Shift
  readonly nextHandoff: Handoff | null
}

/** Who is on call on a schedule at `at`, and the next handoff after it. */
export async function scheduleOnCall(db: Db, schedule: Schedule, at: Instant): Promise<OnCallNow> {
  const overrides = await loadOverrides(db, schedule.id, at - SEARCH_HORIZON_MS, at + SEARCH_HORIZON_MS)
  return { schedule, at, shift: onCallAt(schedule, overrides, at), nextHandoff: nextHandoff(schedule, overrides, at) }
}

/** Who is on call at `at` on every schedule (of one team, when given). */
export async function onCallAcross(db: Db, at: Instant, filter: { teamId?: string | undefined } = {}): Promise<OnCallNow[]> {
  const schedules = await listSchedules(db, filter)
  return Promise.all(schedules.map((s) => scheduleOnCall(db, s, at)))
}

/** A person's shifts across every schedule over [from, to), by schedule, in time order. */
export async function userShifts(db: Db, userId: string, from: Instant, to: Instant): Promise<{ schedule: Schedule; shift: Shift }[]> {
  const schedules = await listSchedules(db)
  const out: { schedule: Schedule; shift: Shift }[] = []
  for (const schedule of schedules) {
    const overrides = await loadOverrides(db, schedule.id, from, to)
    const involved = schedule.layers.some((l) => l.members.includes(userId)) || overrides.some((o) => o.userId === userId)
    if (!involved) continue
    for (const shift of computeFinalShifts(schedule, overrides, from, to)) if (shift.userId === userId) out.push({ schedule, shift })
  }
  return out.sort((a, b) => a.shift.start - b.shift.start)
}

/** The longest range a shifts query may span, so one request cannot ask for centuries. */
export const MAX_SHIFT_RANGE_MS = 400 * DAY_MS
