/**
 * One evaluation of one alarm, applied: load its datapoints, evaluate (evaluateAlarm or
 * evaluateBurnRate), record the state (history, flap detection), and open or resolve its alert.
 * Runs in the caller's transaction (the engine's, under its module lock).
 *
 * Alerts follow the state with three rules a pager needs:
 * - Entering ALARM opens one alert (`alarm:1:<id>`) on the alarm's service; staying in ALARM adds
 *   nothing. An alert a person resolved while the alarm still alarms is not re-opened until the
 *   alarm next enters ALARM.
 * - The alert resolves once the alarm has been OK for `okPeriodsToResolve` evaluations in a row
 *   (default 2) and is not flapping. INSUFFICIENT_DATA neither opens nor resolves anything.
 * - While the alarm flaps (Nagios flap detection over its last 21 states) the alert stays open,
 *   marked flapping; if a new one must be opened meanwhile, it is opened without paging.
 *
 * SLO alarms page (`alarm:1:<id>`, the service's urgency for the alarm's severity) on the fast
 * burns and open a low-urgency ticket (`alarm:1:<id>:ticket`) on the slow burn when nothing
 * pages: low urgency is only ever delivered in the recipient's working hours, so a ticket never
 * pages at night.
 */
import { newId } from '../../lib/ids.js'
import { DAY_MS, HOUR_MS, MINUTE_MS, type Instant } from '../../lib/time/index.js'
import type { Db } from '../../storage/index.js'
import { applyEvent, findOpenAlert, type AlertEvent } from '../alerts/index.js'
import { holdForMaintenance } from '../maintenance/index.js'
import type { Actor } from '../audit/index.js'
import { getService, type Service } from '../services/index.js'
import { BURN_RATE_ALERTS, BURN_WINDOWS, burnRateThreshold, evaluateBurnRate, type SloCount } from './burn-rate.js'
import { periodSecondsOf, SLO_PERIOD_SECONDS, type AlarmDefinition, type SloAlarm } from './definition.js'
import { evaluateAlarm } from './evaluate.js'
import type { AlarmEvaluationRecord } from './evaluation-record.js'
import { FLAP_HISTORY_LENGTH, flapState } from './flapping.js'
import type { AlarmState, ThresholdAlarm } from './model.js'
import { evaluationRange, EXTRA_EVALUATION_PERIODS, lastCompletePeriodEnd } from './periods.js'
import { loadDatapoints, sumByBucket } from './metric-store.js'
import { clearAlertFlapping, markAlertFlapping, quietAlert } from './quiet-alert.js'
import { alarmDedupKey, alarmTicketDedupKey, type Alarm } from './store.js'

/** Who alarms act as on alert timelines. */
export const ALARM_ACTOR: Actor = Object.freeze({ userId: null, label: 'Tend alarms' })

export interface Verdict {
  readonly state: AlarmState
  readonly reason: string
  readonly record: Omit<AlarmEvaluationRecord, 'okStreak' | 'percentStateChange' | 'evaluatedAt'>
  /** SLO alarms: whether the slow-burn ticket condition holds (null for threshold alarms). */
  readonly ticket: boolean | null
}

const describeSelector = (selector: Readonly<Record<string, string>>): string => {
  const parts = Object.entries(selector).map(([k, v]) => `${k}="${v}"`)
  return parts.length === 0 ? '' : `{${parts.join(',')}}`
}

async function evaluateThreshold(db: Db, spec: ThresholdAlarm, current: AlarmState, now: Instant): Promise<Verdict> {
  const periodMs = spec.periodSeconds * 1000
  const periodEnd = lastCompletePeriodEnd(now, spec.periodSeconds)
  const from = periodEnd - (spec.evaluationPeriods + EXTRA_EVALUATION_PERIODS) * periodMs
  const points = await loadDatapoints(db, spec, from, periodEnd)
  const values = evaluationRange(spec, points, now)
  const v = evaluateAlarm(spec, values, current)
  return { state: v.state, reason: v.reason, record: { periodEnd, reason: v.reason, values, breaching: v.breaching, evaluated: v.evaluated }, ticket: null }
}

/**
 * Per-minute counts for the burn-rate windows (the last 3 days) and hourly counts for the rest
 * of the SLO period (they only feed the budget), summed over every matching series.
 */
async function sloCounts(db: Db, spec: SloAlarm, end: Instant): Promise<SloCount[]> {
  const periodStart = end - spec.slo.periodDays * DAY_MS
  const fineFrom = Math.max(periodStart, end - BURN_WINDOWS['3d'])
  const load = async (from: Instant, to: Instant, bucket: number) => {
    if (from >= to) return [new Map<Instant, number>(), new Map<Instant, number>()] as const
    return [await sumByBucket(db, spec.good, from, to, bucket), await sumByBucket(db, spec.total, from, to, bucket)] as const
  }
  const counts: SloCount[] = []
  for (const [good, total] of [await load(periodStart, fineFrom, HOUR_MS), await load(fineFrom, end, MINUTE_MS)]) {
    for (const at of new Set([...good.keys(), ...total.keys()])) counts.push({ at, good: good.get(at) ?? 0, total: total.get(at) ?? 0 })
  }
  return counts
}

async function evaluateSlo(db: Db, spec: SloAlarm, now: Instant): Promise<Verdict> {
  const periodEnd = lastCompletePeriodEnd(now, SLO_PERIOD_SECONDS)
  const counts = await sloCounts(db, spec, periodEnd)
  const e = evaluateBurnRate(spec.slo, counts, periodEnd)
  const totals = counts.reduce((acc, c) => ({ good: acc.good + c.good, total: acc.total + c.total }), { good: 0, total: 0 })
  const noTraffic = e.burnRates['3d'] === null
  const state: AlarmState = e.page ? 'ALARM' : noTraffic ? 'INSUFFICIENT_DATA' : 'OK'
  const reason = noTraffic ? `no events counted in the last 3 days; ${e.reason}` : e.reason
  const slo = {
    page: e.page,
    ticket: e.ticket,
    burnRates: e.burnRates,
    thresholds: BURN_RATE_ALERTS.map((a) => ({ severity: a.severity, longWindow: a.longWindow, shortWindow: a.shortWindow, burnRate: burnRateThreshold(spec.slo, a) })),
    budgetRemaining: e.budgetRemaining,
    goodEvents: totals.good,
    totalEvents: totals.total,
  }
  return { state, reason, record: { periodEnd, reason, slo }, ticket: e.ticket && !e.page }
}

/** Evaluates a definition at `now` from the stored datapoints (what the engine and replays both use). */
export async function verdictAt(db: Db, d: AlarmDefinition, current: AlarmState, now: Instant): Promise<Verdict> {
  return d.slo !== null ? evaluateSlo(db, d.slo, now) : evaluateThreshold(db, d.threshold as ThresholdAlarm, current, now)
}

/** What an alarm carries from one evaluation to the next. */
export interface AlarmCarry {
  readonly state: AlarmState
  readonly history: readonly AlarmState[]
  readonly flapping: boolean
  readonly okStreak: number
}

/** The state history, flap detection and OK streak after an evaluation gave `state`. */
export function advanceAlarm(prev: AlarmCarry, state: AlarmState, d: AlarmDefinition): { history: AlarmState[]; flap: { flapping: boolean; percentChange: number }; okStreak: number } {
  const history = [...prev.history, state].slice(-FLAP_HISTORY_LENGTH)
  const flap = flapState(history.map((s) => s === 'ALARM'), prev.flapping, d.flap)
  const okStreak = state === 'OK' ? prev.okStreak + 1 : 0
  return { history, flap, okStreak }
}

function summaryOf(alarm: Pick<Alarm, 'name'>, d: AlarmDefinition): string {
  if (d.threshold !== null) {
    const t = d.threshold
    return `Alarm "${alarm.name}": ${t.statistic} of ${t.metric}${describeSelector(t.selector)} ${t.comparison} ${t.threshold} in ${t.datapointsToAlarm} of ${t.evaluationPeriods} periods`
  }
  return `SLO "${alarm.name}" is burning its error budget fast (${((d.slo?.slo.target ?? 0) * 100).toFixed(2)}% over ${d.slo?.slo.periodDays ?? 0} days)`
}

function alarmEvent(alarm: Alarm, action: AlertEvent['action'], dedupKey: string, summary: string, severity: AlertEvent['severity'], details: Record<string, unknown>): AlertEvent {
  return { action, dedupKey, summary, source: 'tend-alarm', severity, class: 'alarm', details: { alarm: alarm.name, alarmId: alarm.id, ...details }, links: [] }
}

async function openAlarmAlert(db: Db, service: Service, alarm: Alarm, now: Instant, event: AlertEvent, urgency: 'low' | null, quietNote: string | null): Promise<void> {
  const result = await applyEvent(db, now, ALARM_ACTOR, service, event, { origin: `alarm:${alarm.id}`, urgencyOverride: urgency })
  if (result.outcome === 'opened' && result.alertId !== null && quietNote !== null) {
    await quietAlert(db, result.alertId, now, ALARM_ACTOR, quietNote)
    await markAlertFlapping(db, result.alertId, now, ALARM_ACTOR, quietNote)
  }
  // During a maintenance window the page waits for its end (and is dropped if the alarm recovers).
  if (result.outcome === 'opened' && result.alertId !== null) await holdForMaintenance(db, now, result.alertId, event, ALARM_ACTOR)
}

async function resolveAlarmAlert(db: Db, service: Service, alarm: Alarm, now: Instant, dedupKey: string, summary: string): Promise<void> {
  await applyEvent(db, now, ALARM_ACTOR, service, alarmEvent(alarm, 'resolve', dedupKey, summary, 'info', {}), { origin: `alarm:${alarm.id}`, urgencyOverride: null })
}

interface Transition {
  readonly alarm: Alarm
  readonly verdict: Verdict
  readonly flapping: boolean
  readonly percentChange: number
  readonly okStreak: number
}

async function applyToAlerts(db: Db, service: Service, t: Transition, now: Instant): Promise<void> {
  const { alarm, verdict } = t
  const d = alarm.definition
  const key = alarmDedupKey(alarm.id)
  const open = await findOpenAlert(db, service.id, key)
  const flapNote = `The alarm is flapping (${Math.round(t.percentChange)}% weighted state change over its last ${FLAP_HISTORY_LENGTH} evaluations): this alert stays open and does not page again for each flip; it resolves once the alarm settles in OK`
  if (verdict.state === 'ALARM' && open === null && alarm.state !== 'ALARM') {
    const event = alarmEvent(alarm, 'trigger', key, summaryOf(alarm, d), d.severity, { reason: verdict.reason, ...(verdict.record.values === undefined ? {} : { values: verdict.record.values }) })
    await openAlarmAlert(db, service, alarm, now, event, null, t.flapping ? flapNote : null)
  } else if (open !== null) {
    if (t.flapping && !alarm.flapping) await markAlertFlapping(db, open.id, now, ALARM_ACTOR, flapNote)
    if (!t.flapping && alarm.flapping) await clearAlertFlapping(db, open.id, now, ALARM_ACTOR, `The alarm stopped flapping (${Math.round(t.percentChange)}% weighted state change)`)
    if (verdict.state === 'OK' && !t.flapping && t.okStreak >= d.okPeriodsToResolve) {
      await resolveAlarmAlert(db, service, alarm, now, key, `Alarm "${alarm.name}" is OK: ${verdict.reason}`)
    }
  }
  if (verdict.ticket === null) return
  const ticketKey = alarmTicketDedupKey(alarm.id)
  const ticket = await findOpenAlert(db, service.id, ticketKey)
  const slo = verdict.record.slo
  if (verdict.ticket && ticket === null && slo !== undefined) {
    const summary = `SLO "${alarm.name}" is burning its error budget slowly: ${Math.round(slo.budgetRemaining * 100)}% of the budget left (ticket, low urgency)`
    await openAlarmAlert(db, service, alarm, now, alarmEvent(alarm, 'trigger', ticketKey, summary, 'warning', { reason: verdict.reason }), 'low', null)
  } else if (ticket !== null && slo !== undefined && !slo.ticket) {
    await resolveAlarmAlert(db, service, alarm, now, ticketKey, `SLO "${alarm.name}" no longer burns faster than its budget`)
  }
}

/**
 * Evaluates one alarm at `now` and applies the result: state, history, flapping, alerts, and
 * the next check (the end of the current period). Call it in a transaction.
 */
export async function checkAlarm(db: Db, alarm: Alarm, now: Instant): Promise<void> {
  const d = alarm.definition
  const verdict = await verdictAt(db, d, alarm.state, now)
  const { history, flap, okStreak } = advanceAlarm({ state: alarm.state, history: alarm.history, flapping: alarm.flapping, okStreak: alarm.evaluation?.okStreak ?? 0 }, verdict.state, d)
  const changed = verdict.state !== alarm.state
  const rows: { from: AlarmState; to: AlarmState; reason: string }[] = []
  if (changed) rows.push({ from: alarm.state, to: verdict.state, reason: verdict.reason })
  if (flap.flapping !== alarm.flapping) {
    const pct = `${Math.round(flap.percentChange)}% weighted state change over the last ${history.length} evaluations`
    rows.push({ from: verdict.state, to: verdict.state, reason: flap.flapping ? `Started flapping: ${pct} (≥ ${d.flap.high}%)` : `Stopped flapping: ${pct} (≤ ${d.flap.low}%)` })
  }
  for (const r of rows) await db.insertInto('alarm_history').values({ id: newId(), alarm_id: alarm.id, at: now, from_state: r.from, to_state: r.to, reason: r.reason }).execute()
  const service = await getService(db, alarm.serviceId)
  await applyToAlerts(db, service, { alarm, verdict, flapping: flap.flapping, percentChange: flap.percentChange, okStreak }, now)
  const record: AlarmEvaluationRecord = { ...verdict.record, evaluatedAt: now, okStreak, percentStateChange: flap.percentChange }
  const periodMs = periodSecondsOf(d) * 1000
  await db
    .updateTable('alarms')
    .set({
      state: verdict.state,
      state_reason: verdict.reason,
      ...(changed ? { state_changed_at: now } : {}),
      flapping: flap.flapping ? 1 : 0,
      history_json: JSON.stringify(history),
      evaluation_json: JSON.stringify(record),
      next_check_at: lastCompletePeriodEnd(now, periodSecondsOf(d)) + periodMs,
      updated_at: now,
    })
    .where('id', '=', alarm.id)
    .execute()
}
