/**
 * Releasing what event rules and flap detection held back, once its time has come:
 * - a `page` hold ("page only if still open after D minutes") pages its alert if it is still
 *   triggered; resolved or acknowledged in time, it is dropped and never pages;
 * - a `resolve` hold (a flapping source said resolved) resolves its alert: the source stayed
 *   quiet for the settle time. (A trigger in between already dropped it.)
 * Each hold keeps its row, with how it ended, as the record the service's events list shows.
 */
import { DAY_MS, type Instant } from '../../lib/time/index.js'
import type { Db, HeldEventsTable } from '../../storage/index.js'
import { releaseAlert } from '../alarms/index.js'
import { applyEvent, findAlert, type AlertEvent } from '../alerts/index.js'
import { findService } from '../services/index.js'
import { deferToWindowEnd } from '../maintenance/index.js'
import { EVENT_RULES_ACTOR } from './apply.js'

/** A hold, as the API shows it. */
export interface HeldEvent {
  readonly id: string
  readonly serviceId: string
  readonly ruleId: string | null
  readonly kind: 'page' | 'resolve'
  readonly alertId: string
  readonly dedupKey: string
  readonly reason: string
  readonly releaseAt: Instant
  readonly status: 'held' | 'released' | 'dropped'
  readonly outcomeNote: string | null
  readonly settledAt: Instant | null
  readonly createdAt: Instant
}

export const heldEventFromRow = (r: HeldEventsTable): HeldEvent => ({
  id: r.id,
  serviceId: r.service_id,
  ruleId: r.rule_id,
  kind: r.kind as HeldEvent['kind'],
  alertId: r.alert_id,
  dedupKey: r.dedup_key,
  reason: r.reason,
  releaseAt: r.release_at,
  status: r.status as HeldEvent['status'],
  outcomeNote: r.outcome_note,
  settledAt: r.settled_at,
  createdAt: r.created_at,
})

/** A service's holds, newest first, optionally by status. */
export async function listHeldEvents(db: Db, serviceId: string, filter: { status?: string | undefined; limit: number }): Promise<HeldEvent[]> {
  let q = db.selectFrom('held_events').selectAll().where('service_id', '=', serviceId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit)
  if (filter.status !== undefined) q = q.where('status', '=', filter.status)
  return (await q.execute()).map(heldEventFromRow)
}

async function settlePageHold(db: Db, now: Instant, h: HeldEvent, maintenance: boolean): Promise<{ status: 'released' | 'dropped'; note: string }> {
  const alert = await findAlert(db, h.alertId)
  const minutes = Math.round((h.releaseAt - h.createdAt) / 60_000)
  // A maintenance window may end early, so its outcome names the window, not a duration.
  const within = maintenance ? 'during the maintenance window' : `within ${minutes} minutes`
  const stillOpen = maintenance ? "still open at the window's end" : `still open after ${minutes} minutes`
  if (alert === null) return { status: 'dropped', note: 'the alert no longer exists' }
  if (alert.status === 'resolved') return { status: 'dropped', note: `resolved ${within}: never paged` }
  if (alert.status === 'acknowledged') return { status: 'dropped', note: `acknowledged ${within}: someone is on it, no page` }
  const paging = await releaseAlert(db, alert.id, now, EVENT_RULES_ACTOR, `${stillOpen[0]?.toUpperCase()}${stillOpen.slice(1)}: paging now (${h.reason})`)
  return paging ? { status: 'released', note: `${stillOpen}: paged` } : { status: 'dropped', note: 'the alert had already paged' }
}

async function settleResolveHold(db: Db, now: Instant, h: HeldEvent, eventJson: string): Promise<{ status: 'released' | 'dropped'; note: string }> {
  const alert = await findAlert(db, h.alertId)
  if (alert === null || alert.status === 'resolved') return { status: 'dropped', note: 'the alert was already resolved' }
  const service = await findService(db, alert.serviceId)
  if (service === null) return { status: 'dropped', note: 'the service no longer exists' }
  const event = { ...(JSON.parse(eventJson) as AlertEvent), action: 'resolve' as const }
  await applyEvent(db, now, EVENT_RULES_ACTOR, service, event, { origin: `held:${h.id}`, urgencyOverride: null })
  return { status: 'released', note: 'the flapping source stayed resolved: resolved' }
}

/** Settles holds whose time has come (in the caller's transaction); returns how many. */
export async function settleDueHolds(db: Db, now: Instant, limit: number): Promise<number> {
  const rows = await db.selectFrom('held_events').selectAll().where('status', '=', 'held').where('release_at', '<=', now).orderBy('release_at').orderBy('id').limit(limit).execute()
  for (const row of rows) {
    const h = heldEventFromRow(row)
    // An event rule's page coming due inside a maintenance window waits for the window's end.
    if (h.kind === 'page' && row.maintenance_window_id === null && (await deferToWindowEnd(db, now, h)) !== null) continue
    const settled = h.kind === 'page' ? await settlePageHold(db, now, h, row.maintenance_window_id !== null) : await settleResolveHold(db, now, h, row.event_json)
    await db.updateTable('held_events').set({ status: settled.status, outcome_note: settled.note, settled_at: now }).where('id', '=', h.id).where('status', '=', 'held').execute()
  }
  return rows.length
}

/** Deletes fire counts no rule can still look at (windows are at most a day). */
export async function pruneRuleFires(db: Db, now: Instant): Promise<void> {
  await db.deleteFrom('event_rule_fires').where('at', '<', now - DAY_MS).execute()
}
