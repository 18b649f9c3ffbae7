/**
 * Maintenance windows per service, scheduled or ad hoc. While a window is open, an alert that
 * opens on the service (an inbound event, a heartbeat, an alarm) is stored and shown but does
 * not page: its page is held until the window's end, as a `page` hold tied to the window. At
 * the end the engine's held-event settling pages the held alerts that are still open and drops
 * the ones resolved or acknowledged meanwhile; the window's held list shows each outcome.
 * Manual pages are never held: a person asked for them.
 */
import { FieldErrors, notFound, conflict } from '../../lib/errors.js'
import { newId } from '../../lib/ids.js'
import { DAY_MS, formatLocal, MINUTE_MS, type Instant } from '../../lib/time/index.js'
import { sql } from 'kysely'
import { NO_RANK, NO_TEXT, preparedQuery, type Db, type FactLookup, type FactRow, type MaintenanceWindowsTable } from '../../storage/index.js'
import { quietAlert } from '../alarms/quiet-alert.js'
import type { AlertEvent } from '../alerts/index.js'
import type { Actor } from '../audit/index.js'
import { recordAudit } from '../audit/index.js'
import type { CommandCtx } from '../command.js'

/** The longest window: anything longer is not maintenance, it is a service that should not page. */
export const MAX_WINDOW_MS = 7 * DAY_MS

export interface MaintenanceWindow {
  readonly id: string
  readonly serviceId: string
  readonly reason: string
  readonly startsAt: Instant
  readonly endsAt: Instant
  readonly endedBy: string | null
  readonly cancelled: boolean
  readonly createdBy: string | null
  readonly createdAt: Instant
}

export type WindowPhase = 'scheduled' | 'active' | 'ended' | 'cancelled'

export const windowFromRow = (r: MaintenanceWindowsTable): MaintenanceWindow => ({
  id: r.id,
  serviceId: r.service_id,
  reason: r.reason,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  endedBy: r.ended_by,
  cancelled: r.cancelled === 1,
  createdBy: r.created_by,
  createdAt: r.created_at,
})

export function phaseOf(w: MaintenanceWindow, now: Instant): WindowPhase {
  if (w.cancelled) return 'cancelled'
  if (now < w.startsAt) return 'scheduled'
  return now < w.endsAt ? 'active' : 'ended'
}

export interface WindowInput {
  readonly reason?: string | undefined
  /** Start (RFC 3339 already parsed by the caller); absent: now (ad hoc). */
  readonly startsAt?: Instant | undefined
  readonly endsAt?: Instant | undefined
  /** Alternative to endsAt: how long from the start. */
  readonly durationMinutes?: number | undefined
}

function validate(input: WindowInput, now: Instant): { reason: string; startsAt: Instant; endsAt: Instant } {
  const errors = new FieldErrors()
  const reason = (input.reason ?? '').trim()
  if (reason === '' || reason.length > 500) errors.add('reason', 'must say why, in 1 to 500 characters (it is shown on every held alert)')
  const startsAt = input.startsAt ?? now
  if (input.endsAt !== undefined && input.durationMinutes !== undefined) errors.add('durationMinutes', 'give either end or durationMinutes, not both')
  if (input.endsAt === undefined && input.durationMinutes === undefined) errors.add('end', 'give the end, or durationMinutes')
  const badDuration = input.durationMinutes !== undefined && (!Number.isInteger(input.durationMinutes) || input.durationMinutes < 1)
  if (badDuration) errors.add('durationMinutes', 'must be a whole number of minutes, at least 1')
  const endsAt = input.endsAt ?? startsAt + (input.durationMinutes ?? 0) * MINUTE_MS
  // An end computed from a bad duration would only repeat that error.
  if (badDuration || (input.endsAt === undefined && input.durationMinutes === undefined)) errors.throwIfAny()
  else if (endsAt <= now) errors.add('end', 'must be in the future')
  else if (endsAt <= startsAt) errors.add('end', 'must be after the start')
  else if (endsAt - startsAt > MAX_WINDOW_MS) errors.add('end', 'a window lasts at most 7 days; a service that should not page for longer needs its escalation policy changed')
  errors.throwIfAny()
  return { reason, startsAt, endsAt }
}

export async function getWindow(db: Db, id: string): Promise<MaintenanceWindow> {
  const row = await db.selectFrom('maintenance_windows').selectAll().where('id', '=', id).executeTakeFirst()
  if (row === undefined) throw notFound('maintenance window', id)
  return windowFromRow(row)
}

/** A service's windows, newest start first; `openOrLater` keeps those not yet ended (or cancelled). */
export async function listWindows(db: Db, filter: { serviceIds?: readonly string[]; openAt?: Instant; limit: number }): Promise<MaintenanceWindow[]> {
  let q = db.selectFrom('maintenance_windows').selectAll().orderBy('starts_at', 'desc').orderBy('id', 'desc').limit(filter.limit)
  if (filter.serviceIds !== undefined) q = filter.serviceIds.length === 0 ? q.where('id', '=', '') : q.where('service_id', 'in', [...filter.serviceIds])
  if (filter.openAt !== undefined) q = q.where('ends_at', '>', filter.openAt).where('cancelled', '=', 0)
  return (await q.execute()).map(windowFromRow)
}

/** The window open on the service now, if any (the one ending last when they overlap). */
export async function activeWindow(db: Db, serviceId: string, now: Instant): Promise<MaintenanceWindow | null> {
  const [row] = await selectActiveWindow(db, serviceId, now, now)
  return row === undefined ? null : windowFromRow(row)
}

const selectActiveWindow = preparedQuery('open maintenance window of a service', (db, serviceId: string, endsAfter: number, startedBy: number) =>
  db.selectFrom('maintenance_windows').selectAll().where('service_id', '=', serviceId).where('ends_at', '>', endsAfter).where('starts_at', '<=', startedBy).where('cancelled', '=', 0).orderBy('ends_at', 'desc').limit(1),
)

export async function createWindow(ctx: CommandCtx, serviceId: string, input: WindowInput): Promise<MaintenanceWindow> {
  const v = validate(input, ctx.now)
  const id = newId()
  await ctx.db
    .insertInto('maintenance_windows')
    .values({ id, service_id: serviceId, reason: v.reason, starts_at: v.startsAt, ends_at: v.endsAt, ended_by: null, cancelled: 0, created_by: ctx.actor.userId, created_at: ctx.now })
    .execute()
  const after = await getWindow(ctx.db, id)
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'maintenance_window.create', entityType: 'maintenance_window', entityId: id, before: null, after })
  return after
}

/**
 * Ends an open window now, or cancels one that has not begun. Held pages come due at once, so
 * the engine's next cycle pages what is still open.
 */
export async function endWindow(ctx: CommandCtx, id: string): Promise<MaintenanceWindow> {
  const before = await getWindow(ctx.db, id)
  const phase = phaseOf(before, ctx.now)
  if (phase === 'ended' || phase === 'cancelled') throw conflict(`maintenance window ${id} has already ${phase === 'ended' ? 'ended' : 'been cancelled'}`)
  const by = ctx.actor.label
  if (phase === 'scheduled') await ctx.db.updateTable('maintenance_windows').set({ cancelled: 1, ended_by: by }).where('id', '=', id).execute()
  else {
    await ctx.db.updateTable('maintenance_windows').set({ ends_at: ctx.now, ended_by: by }).where('id', '=', id).execute()
    await ctx.db.updateTable('held_events').set({ release_at: ctx.now }).where('maintenance_window_id', '=', id).where('status', '=', 'held').execute()
  }
  const after = await getWindow(ctx.db, id)
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: phase === 'scheduled' ? 'maintenance_window.cancel' : 'maintenance_window.end', entityType: 'maintenance_window', entityId: id, before, after })
  return after
}

/**
 * If the alert's service is in maintenance now, holds the page of an alert that has just opened
 * (and is still due to page) until the window's end; returns the window, or null when nothing
 * was held (no window, or an event rule or flap detection already kept it quiet).
 */
export async function holdForMaintenance(db: Db, now: Instant, alertId: string, event: AlertEvent, actor: Actor): Promise<MaintenanceWindow | null> {
  // One lookup on the hot path: nearly always no window is open and nothing comes back.
  const [row] = await selectWindowHoldingAlert(db, alertId, now, now)
  if (row === undefined) return null
  const { alert_dedup_key: dedupKey, team_zone: zone, ...windowRow } = row
  const window = windowFromRow(windowRow)
  const reason = `maintenance window "${window.reason}" until ${formatLocal(window.endsAt, zone)}`
  await quietAlert(db, alertId, now, actor, `Held by ${reason}: stored, nobody paged; it pages at the window's end if still open`)
  await db
    .insertInto('held_events')
    .values({ id: newId(), service_id: window.serviceId, rule_id: null, kind: 'page', alert_id: alertId, dedup_key: dedupKey, event_json: JSON.stringify(event), reason, release_at: window.endsAt, status: 'held', outcome_note: null, settled_at: null, created_at: now, maintenance_window_id: window.id })
    .execute()
  return window
}

/** Which of these services are in an open maintenance window now, as a lookup for unionFacts: rows of kind `maintenance`. */
export function maintenanceLookup(now: Instant, serviceIds: readonly string[]): FactLookup {
  return sql<FactRow>`select distinct 'maintenance' as kind, service_id, ${NO_TEXT} as dedup_key, ${NO_TEXT} as note, ${NO_RANK} as rank
    from maintenance_windows where service_id in (${sql.join([...new Set(serviceIds)])}) and ends_at > ${now} and starts_at <= ${now} and cancelled = 0`
}

/**
 * The window open now on the alert's service, if the alert is still triggered and due to page
 * (an event rule or flap detection may already keep it quiet), with what the hold needs.
 */
const selectWindowHoldingAlert = preparedQuery('open maintenance window over a new alert', (db, alertId: string, endsAfter: number, startedBy: number) =>
  db
    .selectFrom('alerts')
    .innerJoin('maintenance_windows', 'maintenance_windows.service_id', 'alerts.service_id')
    .innerJoin('services', 'services.id', 'alerts.service_id')
    .innerJoin('teams', 'teams.id', 'services.team_id')
    .selectAll('maintenance_windows')
    .select(['alerts.dedup_key as alert_dedup_key', 'teams.time_zone as team_zone'])
    .where('alerts.id', '=', alertId)
    .where('alerts.status', '=', 'triggered')
    .where('alerts.next_escalation_at', 'is not', null)
    .where('maintenance_windows.ends_at', '>', endsAfter)
    .where('maintenance_windows.starts_at', '<=', startedBy)
    .where('maintenance_windows.cancelled', '=', 0)
    .orderBy('maintenance_windows.ends_at', 'desc')
    .limit(1),
)

/**
 * A hold of another kind (an event rule's "page if still open after D") that comes due inside
 * a window is moved to the window's end instead of paging; returns the window when it did.
 */
export async function deferToWindowEnd(db: Db, now: Instant, hold: { id: string; serviceId: string }): Promise<MaintenanceWindow | null> {
  const window = await activeWindow(db, hold.serviceId, now)
  if (window === null) return null
  await db.updateTable('held_events').set({ release_at: window.endsAt, maintenance_window_id: window.id }).where('id', '=', hold.id).execute()
  return window
}

/** What a window held, oldest first, with how each hold ended (or null while still held). */
export async function heldByWindow(db: Db, windowId: string): Promise<{ id: string; alertId: string; dedupKey: string; summary: string; heldAt: Instant; status: string; outcome: string | null; settledAt: Instant | null }[]> {
  const rows = await db
    .selectFrom('held_events')
    .leftJoin('alerts', 'alerts.id', 'held_events.alert_id')
    .select(['held_events.id', 'held_events.alert_id', 'held_events.dedup_key', 'held_events.created_at', 'held_events.status', 'held_events.outcome_note', 'held_events.settled_at', 'alerts.summary'])
    .where('held_events.maintenance_window_id', '=', windowId)
    .orderBy('held_events.created_at')
    .orderBy('held_events.id')
    .execute()
  return rows.map((r) => ({ id: r.id, alertId: r.alert_id, dedupKey: r.dedup_key, summary: r.summary ?? '', heldAt: r.created_at, status: r.status, outcome: r.outcome_note, settledAt: r.settled_at }))
}
