/**
 * Applying a service's event rules to one inbound event.
 *
 * Precedence: rules are tried in list order and the first enabled rule whose conditions all
 * match decides; later rules are not consulted (PagerDuty's service event rules and an
 * Alertmanager route without `continue` behave the same way). Order rules from specific to
 * general. No match means `page`, with the service's own urgency.
 *
 * Within the matching rule the actions combine:
 * 1. `setUrgency` and `routeTo` are reported with every decision.
 * 2. `suppress` wins over everything else: stored, nobody notified.
 * 3. `pageIfFires { times: N, withinMinutes: M }`: this fire plus the earlier ones in the last
 *    M minutes (per dedup key, or per rule) must reach N; until then the event is suppressed.
 *    (PagerDuty's "suppress until more than X alerts within Y minutes".)
 * 4. `pageIfStillOpenAfter { minutes: D }`: hold until now + D; the caller pages then only if
 *    the alert is still open. Combined with 3, both must hold: fired N times, then still open.
 *
 * Only `trigger` events are shaped by rules: acknowledge and resolve events pass through.
 */
import { MINUTE_MS, type Instant } from '../../lib/time/index.js'
import type { AlertEvent } from '../alerts/index.js'
import { conditionsMatch } from './conditions.js'
import type { EventRule, EventRuleDecision, PageIfFires, RecentFires } from './model.js'

/** Returns the key fires of `rule` are counted under for this event. */
export function fireKey(rule: EventRule, event: AlertEvent): string {
  const per = rule.actions.pageIfFires?.per ?? 'dedupKey'
  return per === 'rule' ? `rule:${rule.id}` : `rule:${rule.id}:dedup:${event.dedupKey}`
}

function baseDecision(rule: EventRule): Pick<EventRuleDecision, 'ruleId' | 'urgency' | 'routeTo'> {
  const { setUrgency, routeTo } = rule.actions
  return {
    ruleId: rule.id,
    ...(setUrgency === null ? {} : { urgency: setUrgency }),
    ...(routeTo === null ? {} : { routeTo }),
  }
}

interface FireCount {
  readonly fireKey: string
  readonly enough: boolean
  readonly note: string
}

function countFires(rule: EventRule, pageIfFires: PageIfFires, event: AlertEvent, recent: RecentFires): FireCount {
  const key = fireKey(rule, event)
  const fires = recent.firesInWindow(key, pageIfFires.withinMinutes * MINUTE_MS) + 1
  const note = `fired ${fires} of ${pageIfFires.times} times within ${pageIfFires.withinMinutes} min`
  return { fireKey: key, enough: fires >= pageIfFires.times, note }
}

const because = (rule: EventRule, notes: readonly string[]): string => `rule ${rule.id}: ${notes.join('; ')}`

function applyRule(rule: EventRule, event: AlertEvent, recent: RecentFires, now: Instant): EventRuleDecision {
  const base = baseDecision(rule)
  const { suppress, pageIfFires, pageIfStillOpenAfter } = rule.actions
  if (suppress) return { ...base, decision: 'suppress', reason: because(rule, ['suppress (stored, nobody notified)']) }
  const counted = pageIfFires === null ? null : countFires(rule, pageIfFires, event, recent)
  const withKey = counted === null ? base : { ...base, fireKey: counted.fireKey }
  const notes = counted === null ? [] : [counted.note]
  if (counted !== null && !counted.enough) return { ...withKey, decision: 'suppress', reason: because(rule, [...notes, 'not paging yet']) }
  if (pageIfStillOpenAfter !== null) {
    const holdUntil = now + pageIfStillOpenAfter.minutes * MINUTE_MS
    const why = [...notes, `pages only if still open after ${pageIfStillOpenAfter.minutes} min`]
    return { ...withKey, decision: 'hold', holdUntil, reason: because(rule, why) }
  }
  return { ...withKey, decision: 'page', reason: because(rule, notes.length === 0 ? ['matched'] : notes) }
}

/**
 * Returns what to do with an inbound event under the service's ordered rules: page, suppress
 * or hold, which rule decided, and why.
 * @example evaluateEventRules(service.eventRules, event, fireCounter, clock.now())
 */
export function evaluateEventRules(rules: readonly EventRule[], event: AlertEvent, recent: RecentFires, now: Instant): EventRuleDecision {
  if (event.action !== 'trigger') return { ruleId: null, decision: 'page', reason: `${event.action} events are not subject to event rules` }
  const rule = rules.find((r) => !r.disabled && conditionsMatch(r.conditions, event))
  if (rule === undefined) return { ruleId: null, decision: 'page', reason: 'no event rule matched' }
  return applyRule(rule, event, recent, now)
}
