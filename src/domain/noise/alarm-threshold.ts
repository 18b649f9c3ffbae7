/**
 * A realistic threshold for a stored threshold alarm, from its own history: the alarm's metric
 * reduced per period exactly as the alarm sees it (its selector and statistic), and the windows
 * of its alerts that people marked actionable. A window spans from the N periods before the
 * alert opened (the datapoints that raised it) to its resolution.
 */
import { conflict } from '../../lib/errors.js'
import { DAY_MS, type Instant } from '../../lib/time/index.js'
import type { Db } from '../../storage/index.js'
import { aggregateBuckets, alarmDedupKey, bucketize, lastCompletePeriodEnd, loadDatapoints, METRIC_LIMITS, type Alarm } from '../alarms/index.js'
import { suggestThreshold, type ThresholdSuggestion, type TimeWindow } from './suggest-threshold.js'

/** A threshold suggestion for one alarm, with what it was computed from. */
export interface AlarmThresholdSuggestion extends ThresholdSuggestion {
  readonly alarmId: string
  readonly comparison: string
  readonly currentThreshold: number
  readonly from: Instant
  readonly to: Instant
  /** Periods with data in the range (the series replayed). */
  readonly periods: number
  readonly actionableWindows: readonly TimeWindow[]
  readonly targetAlertsPerWeek: number
}

/** Default look-back and target of a suggestion. */
export const SUGGESTION_DEFAULTS = Object.freeze({ days: 30, targetAlertsPerWeek: 1 })

/**
 * Returns a threshold that would have caught the alarm's actionable alerts over the last `days`
 * with as few alerts as possible, and how often the current and the suggested threshold fire.
 */
export async function suggestAlarmThreshold(db: Db, alarm: Alarm, now: Instant, opts: { days: number; targetAlertsPerWeek: number }): Promise<AlarmThresholdSuggestion> {
  const spec = alarm.definition.threshold
  if (spec === null) throw conflict('threshold suggestions are for threshold alarms; an SLO alarm’s thresholds are its burn rates')
  const days = Math.min(Math.max(1, opts.days), METRIC_LIMITS.retentionDays)
  const periodMs = spec.periodSeconds * 1000
  const to = lastCompletePeriodEnd(now, spec.periodSeconds)
  const n = Math.floor((days * DAY_MS) / periodMs)
  const from = to - n * periodMs
  const points = await loadDatapoints(db, spec, from, to)
  const values = aggregateBuckets(bucketize(points, spec.periodSeconds, to, n), spec.statistic)
  const series = values.flatMap((value, i) => (value === null ? [] : [{ at: from + i * periodMs, value }]))
  const alerts = await db
    .selectFrom('alerts')
    .select(['created_at', 'resolved_at'])
    .where('service_id', '=', alarm.serviceId)
    .where('dedup_key', '=', alarmDedupKey(alarm.id))
    .where('outcome', '=', 'actionable')
    .where('created_at', '>=', from)
    .execute()
  const lead = spec.evaluationPeriods * periodMs
  const actionableWindows = alerts.map((a) => ({ from: a.created_at - lead, to: a.resolved_at ?? now }))
  const suggestion = suggestThreshold({ series, comparison: spec.comparison, currentThreshold: spec.threshold, actionableWindows, targetAlertsPerWeek: opts.targetAlertsPerWeek })
  return { ...suggestion, alarmId: alarm.id, comparison: spec.comparison, currentThreshold: spec.threshold, from, to, periods: series.length, actionableWindows, targetAlertsPerWeek: opts.targetAlertsPerWeek }
}
