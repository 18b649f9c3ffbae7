/**
 * "What would this alarm have done last week?": a definition evaluated over the stored
 * datapoints of a past range, one evaluation per period, with exactly the engine's steps
 * (verdictAt, then advanceAlarm) and the same rules for opening and resolving its alert. It
 * assumes nobody acknowledged or resolved anything by hand meanwhile. Nothing is written.
 */
import type { Instant } from '../../lib/time/index.js'
import type { Db } from '../../storage/index.js'
import { advanceAlarm, verdictAt } from './check-alarm.js'
import { periodSecondsOf, type AlarmDefinition } from './definition.js'
import type { AlarmState } from './model.js'
import { lastCompletePeriodEnd } from './periods.js'

/** Evaluations one replay may run: a week of one-minute periods, with room to spare. */
export const MAX_REPLAY_EVALUATIONS = 20_160

export interface ReplayEvaluation {
  /** The end of the period evaluated (the engine evaluates just after it). */
  readonly at: Instant
  readonly state: AlarmState
  readonly flapping: boolean
  readonly reason: string
}

export interface ReplayEvent {
  readonly at: Instant
  /** `page`: the alert opens and pages; `quiet-open`: it opens without paging (flapping); `resolve`; SLO `ticket` / `ticket-resolve`. */
  readonly kind: 'page' | 'quiet-open' | 'resolve' | 'ticket' | 'ticket-resolve'
  readonly reason: string
}

export interface ReplayResult {
  readonly evaluations: readonly ReplayEvaluation[]
  readonly transitions: readonly { at: Instant; from: AlarmState; to: AlarmState; reason: string }[]
  readonly events: readonly ReplayEvent[]
  /** Alerts that would have paged someone (quiet and low-urgency tickets excluded). */
  readonly pages: number
}

/** Evaluates `d` at every period end in [from, to], starting from INSUFFICIENT_DATA as a new alarm does. */
export async function replayAlarm(db: Db, d: AlarmDefinition, from: Instant, to: Instant): Promise<ReplayResult> {
  const periodMs = periodSecondsOf(d) * 1000
  let carry = { state: 'INSUFFICIENT_DATA' as AlarmState, history: [] as AlarmState[], flapping: false, okStreak: 0 }
  let alertOpen = false
  let ticketOpen = false
  const evaluations: ReplayEvaluation[] = []
  const transitions: { at: Instant; from: AlarmState; to: AlarmState; reason: string }[] = []
  const events: ReplayEvent[] = []
  for (let at = lastCompletePeriodEnd(from, periodSecondsOf(d)); at <= to && evaluations.length < MAX_REPLAY_EVALUATIONS; at += periodMs) {
    const verdict = await verdictAt(db, d, carry.state, at)
    const next = advanceAlarm(carry, verdict.state, d)
    if (verdict.state !== carry.state) transitions.push({ at, from: carry.state, to: verdict.state, reason: verdict.reason })
    // The engine's alert rules (check-alarm.ts applyToAlerts), with nobody touching the alert.
    if (verdict.state === 'ALARM' && !alertOpen && carry.state !== 'ALARM') {
      alertOpen = true
      events.push({ at, kind: next.flap.flapping ? 'quiet-open' : 'page', reason: verdict.reason })
    } else if (alertOpen && verdict.state === 'OK' && !next.flap.flapping && next.okStreak >= d.okPeriodsToResolve) {
      alertOpen = false
      events.push({ at, kind: 'resolve', reason: verdict.reason })
    }
    const slo = verdict.record.slo
    if (verdict.ticket !== null && slo !== undefined) {
      if (verdict.ticket && !ticketOpen) {
        ticketOpen = true
        events.push({ at, kind: 'ticket', reason: verdict.reason })
      } else if (ticketOpen && !slo.ticket) {
        ticketOpen = false
        events.push({ at, kind: 'ticket-resolve', reason: verdict.reason })
      }
    }
    evaluations.push({ at, state: verdict.state, flapping: next.flap.flapping, reason: verdict.reason })
    carry = { state: verdict.state, history: next.history, flapping: next.flap.flapping, okStreak: next.okStreak }
  }
  return { evaluations, transitions, events, pages: events.filter((e) => e.kind === 'page').length }
}
