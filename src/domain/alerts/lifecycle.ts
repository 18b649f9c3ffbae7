import { conflict, FieldErrors } from '../../lib/errors.js'
import { newId } from '../../lib/ids.js'
import type { Instant } from '../../lib/time/index.js'
import type { Insertable } from 'kysely'
import { insertRow, type AlertLogTable, type AlertsTable, type Db } from '../../storage/index.js'
import type { Actor } from '../audit/index.js'
import { cancelPendingNotifications } from '../notify/index.js'
import type { Service } from '../services/index.js'
import type { Urgency } from '../users/index.js'
import { ALERT_OUTCOMES, type Alert, type AlertEvent, type AlertOutcome } from './model.js'
import { alertFromRow, alertLogRow, findOpenAlert, getAlert, logAlert, OPEN_STATUS_EXCLUDED } from './store.js'

/** The outcome of applying one event, as recorded on the event row and returned to the sender. */
export interface EventResult {
  readonly alertId: string | null
  readonly outcome: 'opened' | 'deduplicated' | 'acknowledged' | 'resolved' | 'ignored'
  readonly reason?: string
}

/** The urgency an event gets: explicit urgency, else the integration's override, else the service's rule. */
export function urgencyFor(event: AlertEvent, service: Service, integrationOverride: Urgency | null): Urgency {
  return event.urgency ?? integrationOverride ?? service.urgencyRule[event.severity]
}

/**
 * Applies an event to the service's alerts, inside the caller's transaction: a trigger opens an
 * alert (due for escalation at once) or joins the open one with the same dedup key; acknowledge
 * and resolve act on the open one. Events for no open alert are kept and marked ignored.
 */
export async function applyEvent(
  db: Db,
  now: Instant,
  actor: Actor,
  service: Service,
  event: AlertEvent,
  opts: OpenAlertOptions,
): Promise<EventResult> {
  const open = await findOpenAlert(db, service.id, event.dedupKey)
  switch (event.action) {
    case 'trigger':
      if (open !== null) {
        const joined = await joinAlert(db, now, actor, open, event)
        if (joined !== null) {
          await insertRow(db, 'alert_log', joined)
          return { alertId: open.id, outcome: 'deduplicated' }
        }
      }
      return { alertId: await openAlert(db, now, actor, service, event, opts), outcome: 'opened' }
    case 'acknowledge':
      if (open === null) return { alertId: null, outcome: 'ignored', reason: 'no open alert has this dedup key' }
      if (open.status === 'acknowledged') return { alertId: open.id, outcome: 'ignored', reason: 'already acknowledged' }
      await acknowledgeAlert(db, now, actor, open)
      return { alertId: open.id, outcome: 'acknowledged' }
    case 'resolve':
      if (open === null) return { alertId: null, outcome: 'ignored', reason: 'no open alert has this dedup key' }
      await resolveAlert(db, now, actor, open, {})
      return { alertId: open.id, outcome: 'resolved' }
  }
}

async function openAlert(
  db: Db,
  now: Instant,
  actor: Actor,
  service: Service,
  event: AlertEvent,
  opts: OpenAlertOptions,
): Promise<string> {
  const opened = newAlertRows(now, actor, service, event, opts)
  await insertRow(db, 'alerts', opened.alert)
  await insertRow(db, 'alert_log', opened.log)
  return opened.alert.id
}

export interface OpenAlertOptions {
  readonly origin: string
  readonly urgencyOverride: Urgency | null
  readonly createdBy?: string | null
  readonly directTargets?: readonly string[] | null
}

/**
 * The rows a trigger that opens an alert writes: the alert (due for escalation at once) and its
 * first timeline entry. Intake writes many of them with one statement (insertRows).
 */
export function newAlertRows(now: Instant, actor: Actor, service: Service, event: AlertEvent, opts: OpenAlertOptions): { alert: Insertable<AlertsTable> & { id: string }; log: Insertable<AlertLogTable> } {
  const id = newId()
  const urgency = urgencyFor(event, service, opts.urgencyOverride)
  const alert = {
    id,
    service_id: service.id,
    dedup_key: event.dedupKey,
    status: 'triggered',
    urgency,
    summary: event.summary,
    source: event.source,
    severity: event.severity,
    component: event.component ?? null,
    group_name: event.group ?? null,
    class_name: event.class ?? null,
    details_json: JSON.stringify(event.details),
    links_json: JSON.stringify(event.links),
    origin: opts.origin,
    created_by: opts.createdBy ?? null,
    created_at: now,
    updated_at: now,
    last_event_at: now,
    event_count: 1,
    acknowledged_at: null,
    acknowledged_by: null,
    resolved_at: null,
    resolved_by: null,
    outcome: null,
    outcome_note: null,
    policy_id: service.escalationPolicyId,
    escalation_step: 0,
    escalation_loop: 0,
    // Due at once: the engine fires the first step in its next cycle (woken after commit).
    next_escalation_at: now,
    direct_targets_json: opts.directTargets === undefined || opts.directTargets === null ? null : JSON.stringify(opts.directTargets),
  }
  return { alert, log: alertLogRow(id, now, 'triggered', actor, `Triggered (${urgency} urgency, ${event.severity}): ${event.summary}`) }
}

/**
 * A trigger joins an open alert: its count goes up by one, and the timeline row says so (for the
 * caller to write); null when the alert was resolved meanwhile. Counted in SQL, not from a row
 * read earlier: another transaction (a second intake lane, another instance) may be adding to
 * the same alert, and a read-then-write would lose its count.
 */
export async function joinAlert(db: Db, now: Instant, actor: Actor, open: Pick<Alert, 'id'>, event: AlertEvent): Promise<Insertable<AlertLogTable> | null> {
  const counted = await db
    .updateTable('alerts')
    .set((eb) => ({ event_count: eb('event_count', '+', 1), last_event_at: now, updated_at: now }))
    .where('id', '=', open.id)
    // Still open: it may have been resolved since it was read (by a person, or another
    // transaction); then the trigger must open a new alert, not vanish into the resolved one.
    .where('status', '<>', OPEN_STATUS_EXCLUDED)
    .returning('event_count')
    .executeTakeFirst()
  if (counted === undefined) return null
  return alertLogRow(open.id, now, 'deduplicated', actor, `Another trigger joined this alert (${counted.event_count} events)`, { summary: event.summary })
}

/** Acknowledges: escalation stops and pending pages are cancelled; the alert stays open. */
export async function acknowledgeAlert(db: Db, now: Instant, actor: Actor, alert: Alert): Promise<void> {
  if (alert.status === 'resolved') throw conflict('the alert is already resolved')
  if (alert.status === 'acknowledged') return
  await db
    .updateTable('alerts')
    .set({ status: 'acknowledged', acknowledged_at: now, acknowledged_by: actor.userId ?? actor.label, next_escalation_at: null, updated_at: now })
    .where('id', '=', alert.id)
    .execute()
  const cancelled = await cancelPendingNotifications(db, alert.id, now)
  await logAlert(db, alert.id, now, 'acknowledged', actor, `Acknowledged by ${actor.label}${cancelled > 0 ? `; ${cancelled} pending notifications cancelled` : ''}`)
}

export interface ResolveInput {
  readonly outcome?: string | undefined
  readonly note?: string | undefined
}

/** Resolves: escalation ends, pending pages are cancelled; an optional outcome and note are kept. */
export async function resolveAlert(db: Db, now: Instant, actor: Actor, alert: Alert, input: ResolveInput): Promise<void> {
  const outcome = normalizeOutcome(input, false)
  if (alert.status === 'resolved') throw conflict('the alert is already resolved')
  await db
    .updateTable('alerts')
    .set({
      status: 'resolved',
      resolved_at: now,
      resolved_by: actor.userId ?? actor.label,
      next_escalation_at: null,
      updated_at: now,
      ...(outcome.outcome === null ? {} : { outcome: outcome.outcome, outcome_note: outcome.note }),
    })
    .where('id', '=', alert.id)
    .execute()
  const cancelled = await cancelPendingNotifications(db, alert.id, now)
  const note = outcome.outcome === null ? '' : ` as ${outcome.outcome}${outcome.note === null ? '' : `: ${outcome.note}`}`
  await logAlert(db, alert.id, now, 'resolved', actor, `Resolved by ${actor.label}${note}${cancelled > 0 ? `; ${cancelled} pending notifications cancelled` : ''}`)
}

/** Records what a resolved alert turned out to be (actionable, noise, duplicate). */
export async function setOutcome(db: Db, now: Instant, actor: Actor, alertId: string, input: ResolveInput): Promise<Alert> {
  const alert = await getAlert(db, alertId)
  const outcome = normalizeOutcome(input, true)
  if (alert.status !== 'resolved') throw conflict('an outcome can only be recorded on a resolved alert; resolve it first')
  await db.updateTable('alerts').set({ outcome: outcome.outcome, outcome_note: outcome.note, updated_at: now }).where('id', '=', alertId).execute()
  await logAlert(db, alertId, now, 'outcome', actor, `Marked ${outcome.outcome ?? ''}${outcome.note === null ? '' : `: ${outcome.note}`}`)
  return getAlert(db, alertId)
}

function normalizeOutcome(input: ResolveInput, required: boolean): { outcome: AlertOutcome | null; note: string | null } {
  const errors = new FieldErrors()
  const outcome = input.outcome ?? null
  if (outcome === null && required) errors.add('outcome', `is required: one of ${ALERT_OUTCOMES.join(', ')}`)
  if (outcome !== null && !ALERT_OUTCOMES.includes(outcome as AlertOutcome)) errors.add('outcome', `must be one of ${ALERT_OUTCOMES.join(', ')}, got ${JSON.stringify(outcome)}`)
  const note = (input.note ?? '').trim()
  if (note.length > 2000) errors.add('note', 'must be at most 2000 characters')
  errors.throwIfAny()
  return { outcome: outcome as AlertOutcome | null, note: note === '' ? null : note }
}

/** Makes the next escalation step fire now (a person asking for more help). */
export async function escalateNow(db: Db, now: Instant, actor: Actor, alertId: string): Promise<Alert> {
  const alert = await getAlert(db, alertId)
  if (alert.status === 'resolved') throw conflict('the alert is resolved; there is nobody left to escalate to')
  await db.updateTable('alerts').set({ status: 'triggered', next_escalation_at: now, updated_at: now }).where('id', '=', alertId).execute()
  await logAlert(db, alertId, now, 'escalated', actor, `${actor.label} asked to escalate now`)
  return alertFromRow(await db.selectFrom('alerts').selectAll().where('id', '=', alertId).executeTakeFirstOrThrow())
}

/** Hands the alert to specific people: it is re-triggered and pages them directly. */
export async function reassignAlert(db: Db, now: Instant, actor: Actor, alertId: string, userIds: readonly string[]): Promise<Alert> {
  const alert = await getAlert(db, alertId)
  if (alert.status === 'resolved') throw conflict('the alert is resolved')
  const errors = new FieldErrors()
  if (userIds.length === 0) errors.add('userIds', 'must name at least one person')
  const known = new Set(userIds.length === 0 ? [] : (await db.selectFrom('users').select('id').where('id', 'in', [...userIds]).execute()).map((r) => r.id))
  userIds.forEach((id, i) => {
    if (!known.has(id)) errors.add(`userIds[${i}]`, `user ${id} does not exist`)
  })
  errors.throwIfAny()
  await cancelPendingNotifications(db, alertId, now)
  await db
    .updateTable('alerts')
    .set({ status: 'triggered', acknowledged_at: null, acknowledged_by: null, direct_targets_json: JSON.stringify(userIds), escalation_step: 0, escalation_loop: 0, next_escalation_at: now, updated_at: now })
    .where('id', '=', alertId)
    .execute()
  await logAlert(db, alertId, now, 'reassigned', actor, `${actor.label} reassigned the alert`, { userIds })
  return getAlert(db, alertId)
}
