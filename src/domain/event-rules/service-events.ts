/**
 * A service's inbound events as people read them: each event with what happened to it, and when
 * an event rule or flap detection intervened, the rule, its reason and how any hold ended.
 * "Every suppressed event remains visible on the service, with the rule that held it."
 */
import type { Instant } from '../../lib/time/index.js'
import type { Db, EventDecisionsTable, EventsTable } from '../../storage/index.js'
import type { EventDecisionOutcome } from './apply.js'
import { heldEventFromRow, type HeldEvent } from './held.js'
import { listEventRules } from './store.js'

export const DECISION_OUTCOMES: readonly EventDecisionOutcome[] = ['suppressed', 'held', 'paged', 'flapping']

/** One inbound event of a service. */
export interface ServiceEvent {
  /** The events row id (the decision's id when the event row is gone). */
  readonly id: string
  readonly receivedAt: Instant
  readonly action: string
  readonly dedupKey: string
  readonly sourceType: string | null
  /** suppressed, held, paged or flapping when a rule or flap detection acted; else the events row's outcome (opened, deduplicated, …). */
  readonly outcome: string
  /** The events row's full outcome text. */
  readonly detail: string | null
  readonly summary: string | null
  readonly alertId: string | null
  /** The service the alert is on (another one when a rule routed it). */
  readonly alertServiceId: string | null
  readonly rule: { readonly id: string; readonly name: string | null } | null
  readonly reason: string | null
  readonly urgency: string | null
  readonly hold: HeldEvent | null
}

export interface ServiceEventFilter {
  readonly outcome?: string | undefined
  readonly before?: Instant | undefined
  readonly limit: number
}

const matchKey = (serviceId: string, dedupKey: string, at: Instant, action: string): string => `${serviceId}\u0000${dedupKey}\u0000${at}\u0000${action}`

/** The service's events newest first, filtered by outcome (a decision outcome, or opened, deduplicated, …). */
export async function listServiceEvents(db: Db, serviceId: string, f: ServiceEventFilter): Promise<ServiceEvent[]> {
  let decisions: EventDecisionsTable[]
  let events: EventsTable[]
  if (f.outcome !== undefined && (DECISION_OUTCOMES as readonly string[]).includes(f.outcome)) {
    let q = db.selectFrom('event_decisions').selectAll().where('service_id', '=', serviceId).where('outcome', '=', f.outcome).orderBy('at', 'desc').orderBy('id', 'desc').limit(f.limit)
    if (f.before !== undefined) q = q.where('at', '<', f.before)
    decisions = await q.execute()
    const ats = [...new Set(decisions.map((d) => d.at))]
    events = ats.length === 0 ? [] : await db.selectFrom('events').selectAll().where('service_id', '=', serviceId).where('received_at', 'in', ats).execute()
  } else {
    let q = db.selectFrom('events').selectAll().where('service_id', '=', serviceId).orderBy('received_at', 'desc').orderBy('id', 'desc').limit(f.limit)
    if (f.before !== undefined) q = q.where('received_at', '<', f.before)
    if (f.outcome !== undefined) {
      const word = f.outcome
      q = q.where((eb) => eb.or([eb('outcome', '=', word), eb('outcome', 'like', `${word}:%`)]))
    }
    events = await q.execute()
    const ats = [...new Set(events.map((e) => e.received_at))]
    decisions = ats.length === 0 ? [] : await db.selectFrom('event_decisions').selectAll().where('service_id', '=', serviceId).where('at', 'in', ats).execute()
  }
  const heldIds = decisions.map((d) => d.held_event_id).filter((id): id is string => id !== null)
  const holds = heldIds.length === 0 ? [] : await db.selectFrom('held_events').selectAll().where('id', 'in', heldIds).execute()
  const holdById = new Map(holds.map((h) => [h.id, heldEventFromRow(h)]))
  const names = new Map((await listEventRules(db, serviceId)).map((r) => [r.id, r.name]))
  const eventByKey = new Map(events.map((e) => [matchKey(e.service_id, e.dedup_key, e.received_at, e.action), e]))
  const decisionByKey = new Map(decisions.map((d) => [matchKey(d.service_id, d.dedup_key, d.at, d.action), d]))
  const fromDecision = (d: EventDecisionsTable, e: EventsTable | undefined): ServiceEvent => ({
    id: e?.id ?? d.id,
    receivedAt: d.at,
    action: d.action,
    dedupKey: d.dedup_key,
    sourceType: e?.source_type ?? null,
    outcome: d.outcome,
    detail: e?.outcome ?? null,
    summary: d.summary,
    alertId: d.alert_id,
    alertServiceId: d.alert_service_id,
    rule: d.rule_id === null ? null : { id: d.rule_id, name: names.get(d.rule_id) ?? null },
    reason: d.reason,
    urgency: d.urgency,
    hold: d.held_event_id === null ? null : (holdById.get(d.held_event_id) ?? null),
  })
  if (f.outcome !== undefined && (DECISION_OUTCOMES as readonly string[]).includes(f.outcome)) {
    return decisions.map((d) => fromDecision(d, eventByKey.get(matchKey(d.service_id, d.dedup_key, d.at, d.action))))
  }
  return events.map((e) => {
    const d = decisionByKey.get(matchKey(e.service_id, e.dedup_key, e.received_at, e.action))
    if (d !== undefined) return fromDecision(d, e)
    return {
      id: e.id,
      receivedAt: e.received_at,
      action: e.action,
      dedupKey: e.dedup_key,
      sourceType: e.source_type,
      outcome: e.outcome.split(':')[0] ?? e.outcome,
      detail: e.outcome,
      summary: null,
      alertId: e.alert_id,
      alertServiceId: null,
      rule: null,
      reason: null,
      urgency: null,
      hold: null,
    }
  })
}
