/**
 * The intake hook: a service's event rules, and inbound flap detection, applied to each inbound
 * event inside the intake transaction, around `applyEvent`.
 *
 * For a trigger, the first matching rule decides (evaluate.ts) and then:
 * - `setUrgency` sets the event's urgency (it wins over the integration's and the service's);
 * - `routeTo` raises the alert on that service instead (its escalation policy pages);
 * - `suppress`: the alert is opened and stored but never pages;
 * - "page only if it fires N times in M minutes": fires before the Nth open (or join) a quiet
 *   alert; the Nth fire pages — a new alert, or the quiet one it joins;
 * - "page only if still open after D minutes": the alert is opened quietly and held; the engine
 *   (held-event-manager) pages it at D if it is still unacknowledged and open, else drops the hold.
 * Then, if it still would page, inbound flap detection (inbound-flapping.ts) may open it quietly.
 *
 * Acknowledge and resolve events follow a routed alert to the service it was routed to; a
 * resolve of a flapping key is held (inbound-flapping.ts). What a rule or flap detection did is
 * recorded in `event_decisions` (the service's events list shows it with the rule) and in the
 * reason on the events row. Manual and system pages are not subject to event rules.
 */
import { newId } from '../../lib/ids.js'
import type { Instant } from '../../lib/time/index.js'
import { preparedQuery, type Db } from '../../storage/index.js'
import { markAlertFlapping, quietAlert, releaseAlert } from '../alarms/index.js'
import { findOpenAlert, type Alert, type AlertEvent, type EventResult } from '../alerts/index.js'
import type { Actor } from '../audit/index.js'
import { findService, type Service } from '../services/index.js'
import { conditionsMatch } from './conditions.js'
import { evaluateEventRules, fireKey } from './evaluate.js'
import { FLAP_SETTLE_MS, inboundFlapState, type InboundFlap } from './inbound-flapping.js'
import type { EventRuleDecision, RecentFires } from './model.js'
import { listEventRules, type StoredEventRule } from './store.js'

/** Who event rules act as on alert timelines. */
export const EVENT_RULES_ACTOR: Actor = Object.freeze({ userId: null, label: 'Tend event rules' })

/** Intake sources whose events rules shape; manual pages and system alerts are never suppressed. */
export const RULED_SOURCES: ReadonlySet<string> = new Set(['events_v2', 'alertmanager', 'generic'])

/** evaluateEventRules' reason when no rule matches. */
const NO_MATCH = 'no event rule matched'

/** Applies an (possibly re-routed, re-shaped) event to a service's alerts: the ingestor's applyEvent. */
export type ApplyEvent = (service: Service, event: AlertEvent) => Promise<EventResult>

/** What the hook needs of an ingest job. */
export interface RuledJob {
  readonly service: Service
  readonly sourceType: string
}

/** The outcome words of event_decisions, as the API shows them. */
export type EventDecisionOutcome = 'suppressed' | 'held' | 'paged' | 'flapping'

interface Decided {
  readonly outcome: EventDecisionOutcome
  readonly ruleId: string | null
  readonly reason: string
  readonly alertId: string | null
  readonly alertServiceId: string | null
  readonly urgency: string | null
  readonly heldEventId: string | null
}

async function record(db: Db, now: Instant, source: Service, event: AlertEvent, d: Decided): Promise<void> {
  await db
    .insertInto('event_decisions')
    .values({
      id: newId(),
      service_id: source.id,
      rule_id: d.ruleId,
      outcome: d.outcome,
      reason: d.reason,
      action: event.action,
      dedup_key: event.dedupKey,
      summary: event.summary.slice(0, 1024),
      alert_id: d.alertId,
      alert_service_id: d.alertServiceId,
      urgency: d.urgency,
      held_event_id: d.heldEventId,
      at: now,
    })
    .execute()
}

const withReason = (result: EventResult, note: string): EventResult => ({ ...result, reason: result.reason === undefined ? note : `${result.reason}; ${note}` })

/** Fire counts for the rules this event matches, read once (evaluateEventRules is synchronous). */
async function recentFires(db: Db, rules: readonly StoredEventRule[], event: AlertEvent, now: Instant): Promise<RecentFires> {
  const counting = rules.filter((r) => !r.rule.disabled && r.rule.actions.pageIfFires !== null && conditionsMatch(r.rule.conditions, event))
  if (counting.length === 0) return { firesInWindow: () => 0 }
  const longest = Math.max(...counting.map((r) => (r.rule.actions.pageIfFires?.withinMinutes ?? 0) * 60_000))
  const keys = counting.map((r) => fireKey(r.rule, event))
  const rows = await db.selectFrom('event_rule_fires').select(['fire_key', 'at']).where('fire_key', 'in', keys).where('at', '>', now - longest).execute()
  return { firesInWindow: (key, withinMs) => rows.filter((r) => r.fire_key === key && r.at > now - withinMs && r.at <= now).length }
}

/**
 * The service an acknowledge or resolve acts on: the source's own open alert, else the open
 * alert a rule routed this dedup key to.
 */
async function followUpService(db: Db, source: Service, dedupKey: string): Promise<{ service: Service; open: Alert | null }> {
  const own = await findOpenAlert(db, source.id, dedupKey)
  if (own !== null) return { service: source, open: own }
  const routed = await db
    .selectFrom('event_decisions')
    .select('alert_service_id')
    .where('service_id', '=', source.id)
    .where('dedup_key', '=', dedupKey)
    .where('alert_service_id', 'is not', null)
    .where('alert_service_id', '<>', source.id)
    .orderBy('at', 'desc')
    .limit(1)
    .executeTakeFirst()
  const target = routed?.alert_service_id === undefined || routed.alert_service_id === null ? null : await findService(db, routed.alert_service_id)
  const open = target === null ? null : await findOpenAlert(db, target.id, dedupKey)
  return target !== null && open !== null ? { service: target, open } : { service: source, open: null }
}

const flapText = (f: InboundFlap): string => `flapping: ${Math.round(f.percentChange)}% weighted state change over its last ${Math.min(f.states, 21)} trigger/resolve events`

async function holdResolve(db: Db, now: Instant, source: Service, event: AlertEvent, open: Alert, flap: InboundFlap): Promise<EventResult> {
  const releaseAt = now + FLAP_SETTLE_MS
  const reason = `${flapText(flap)}; the resolve is held until the source stays quiet for ${FLAP_SETTLE_MS / 60_000} minutes`
  const held = await db.selectFrom('held_events').select('id').where('alert_id', '=', open.id).where('kind', '=', 'resolve').where('status', '=', 'held').executeTakeFirst()
  let heldId = held?.id ?? null
  if (heldId !== null) await db.updateTable('held_events').set({ release_at: releaseAt, event_json: JSON.stringify(event), reason }).where('id', '=', heldId).execute()
  else {
    heldId = newId()
    await db
      .insertInto('held_events')
      .values({ id: heldId, service_id: source.id, rule_id: null, kind: 'resolve', alert_id: open.id, dedup_key: event.dedupKey, event_json: JSON.stringify(event), reason, release_at: releaseAt, status: 'held', outcome_note: null, settled_at: null, created_at: now })
      .execute()
  }
  if (open.details['Flapping'] === undefined) await markAlertFlapping(db, open.id, now, EVENT_RULES_ACTOR, `The source is ${flapText(flap)}. This alert stays open across the flips and pages nobody again; it resolves once the source stays resolved for ${FLAP_SETTLE_MS / 60_000} minutes`)
  await record(db, now, source, event, { outcome: 'flapping', ruleId: null, reason, alertId: open.id, alertServiceId: open.serviceId, urgency: null, heldEventId: heldId })
  return { alertId: open.id, outcome: 'ignored', reason }
}

/** A trigger of a key whose resolve was held: the flip is over, its alert stays open. */
async function dropHeldResolves(db: Db, now: Instant, serviceId: string, dedupKey: string): Promise<void> {
  await updateDropHeldResolves(db, now, serviceId, dedupKey)
}

/** Runs for every trigger, so prepared once. */
const updateDropHeldResolves = preparedQuery('drop held resolves of a key', (db, now: number, serviceId: string, dedupKey: string) =>
  db
    .updateTable('held_events')
    .set({ status: 'dropped', settled_at: now, outcome_note: 'the source triggered again; the alert stays open' })
    .where('status', '=', 'held')
    .where('kind', '=', 'resolve')
    .where('service_id', '=', serviceId)
    .where('dedup_key', '=', dedupKey),
)

async function nonTrigger(db: Db, now: Instant, source: Service, event: AlertEvent, apply: ApplyEvent): Promise<EventResult> {
  const { service, open } = await followUpService(db, source, event.dedupKey)
  if (event.action === 'resolve' && open !== null) {
    const flap = await inboundFlapState(db, source.id, event.dedupKey, false, now)
    if (flap.flapping) return holdResolve(db, now, source, event, open, flap)
  }
  return apply(service, event)
}

const ruleName = (rules: readonly StoredEventRule[], id: string | null): string => {
  const r = rules.find((x) => x.id === id)
  return r === undefined ? String(id) : `"${r.name}"`
}

/** Whether an earlier fire of this counting rule opened the alert quietly (so the Nth fire pages it). */
async function quietedByRule(db: Db, alertId: string, ruleId: string): Promise<boolean> {
  const row = await db.selectFrom('event_decisions').select('id').where('alert_id', '=', alertId).where('rule_id', '=', ruleId).where('outcome', '=', 'suppressed').limit(1).executeTakeFirst()
  return row !== undefined
}

async function afterTrigger(db: Db, now: Instant, ctx: { source: Service; target: Service; event: AlertEvent; rules: readonly StoredEventRule[]; decision: EventRuleDecision }, result: EventResult): Promise<EventResult> {
  const { source, target, event, rules, decision } = ctx
  const name = ruleName(rules, decision.ruleId)
  const base = { ruleId: decision.ruleId, alertId: result.alertId, alertServiceId: target.id, urgency: decision.urgency ?? null, heldEventId: null }
  const opened = result.outcome === 'opened' && result.alertId !== null
  if (decision.decision === 'suppress') {
    if (opened) await quietAlert(db, result.alertId as string, now, EVENT_RULES_ACTOR, `Suppressed by event rule ${name} (${decision.reason}): stored, nobody notified`)
    await record(db, now, source, event, { ...base, outcome: 'suppressed', reason: decision.reason })
    return withReason(result, `suppressed by event rule ${name}: ${decision.reason}`)
  }
  if (decision.decision === 'hold') {
    let heldEventId: string | null = null
    if (opened && decision.holdUntil !== undefined) {
      heldEventId = newId()
      await quietAlert(db, result.alertId as string, now, EVENT_RULES_ACTOR, `Held by event rule ${name} (${decision.reason}): pages only if still open then`)
      await db
        .insertInto('held_events')
        .values({ id: heldEventId, service_id: source.id, rule_id: decision.ruleId, kind: 'page', alert_id: result.alertId as string, dedup_key: event.dedupKey, event_json: JSON.stringify(event), reason: decision.reason, release_at: decision.holdUntil, status: 'held', outcome_note: null, settled_at: null, created_at: now })
        .execute()
    }
    await record(db, now, source, event, { ...base, outcome: 'held', reason: decision.reason, heldEventId })
    return withReason(result, `held by event rule ${name}: ${decision.reason}`)
  }
  // It pages (or joins an alert): a counting rule's Nth fire pages a quiet alert it joins.
  if (result.outcome === 'deduplicated' && result.alertId !== null && decision.fireKey !== undefined && decision.ruleId !== null && (await quietedByRule(db, result.alertId, decision.ruleId))) {
    await releaseAlert(db, result.alertId, now, EVENT_RULES_ACTOR, `Event rule ${name}: ${decision.reason}; paging now`)
  }
  if (opened) {
    const flap = await inboundFlapState(db, source.id, event.dedupKey, true, now)
    if (flap.flapping) {
      const note = `The source is ${flapText(flap)}: opened without paging (the first alert of this key paged)`
      await quietAlert(db, result.alertId as string, now, EVENT_RULES_ACTOR, note)
      await markAlertFlapping(db, result.alertId as string, now, EVENT_RULES_ACTOR, note)
      await record(db, now, source, event, { ...base, outcome: 'flapping', reason: note })
      return withReason(result, note)
    }
  }
  if (decision.ruleId === null) return decision.reason === NO_MATCH ? result : withReason(result, decision.reason)
  await record(db, now, source, event, { ...base, outcome: 'paged', reason: decision.reason })
  return withReason(result, `event rule ${name}: ${decision.reason}`)
}

/**
 * Applies the source service's event rules and flap detection to one inbound event around
 * `apply` (the ingestor's applyEvent), in the intake transaction. Returns apply's result, with
 * what the rules did in its reason (stored on the events row).
 * @example const result = await withEventRules(trx, now, job, event, (service, e) => applyEvent(trx, now, actor, service, e, opts))
 */
export async function withEventRules(db: Db, now: Instant, job: RuledJob, event: AlertEvent, apply: ApplyEvent): Promise<EventResult> {
  const source = job.service
  if (!RULED_SOURCES.has(job.sourceType)) return apply(source, event)
  if (event.action !== 'trigger') return nonTrigger(db, now, source, event, apply)
  let rules: StoredEventRule[] = []
  let decision: EventRuleDecision
  try {
    rules = await listEventRules(db, source.id)
    const active = rules.filter((r) => !r.rule.disabled)
    decision = active.length === 0 ? { ruleId: null, decision: 'page', reason: NO_MATCH } : evaluateEventRules(active.map((r) => r.rule), event, await recentFires(db, active, event, now), now)
  } catch (err) {
    // A broken rule must never lose an alert: page as if no rule matched, and say why.
    decision = { ruleId: null, decision: 'page', reason: `event rules could not be evaluated (${(err as Error).message}); paged as usual` }
  }
  if (decision.fireKey !== undefined) await db.insertInto('event_rule_fires').values({ id: newId(), fire_key: decision.fireKey, at: now }).execute()
  const target = decision.routeTo === undefined ? source : ((await findService(db, decision.routeTo)) ?? source)
  const shaped = decision.urgency === undefined ? event : { ...event, urgency: decision.urgency }
  await dropHeldResolves(db, now, source.id, event.dedupKey)
  const result = await apply(target, shaped)
  return afterTrigger(db, now, { source, target, event: shaped, rules, decision }, result)
}
