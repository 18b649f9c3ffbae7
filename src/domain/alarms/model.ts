/**
 * Threshold alarm types, in CloudWatch's vocabulary (Period, EvaluationPeriods = N,
 * DatapointsToAlarm = M, TreatMissingData, states OK / ALARM / INSUFFICIENT_DATA) with Datadog's
 * recovery threshold added for hysteresis.
 */

/** How the datapoints of one period are reduced to one value. Percentiles use nearest rank. */
export type Statistic = 'avg' | 'min' | 'max' | 'sum' | 'count' | 'p50' | 'p90' | 'p99'
export const STATISTICS: readonly Statistic[] = ['avg', 'min', 'max', 'sum', 'count', 'p50', 'p90', 'p99']

/** How a period's value is compared with the threshold; true means breaching. */
export type Comparison = '>' | '>=' | '<' | '<='
export const COMPARISONS: readonly Comparison[] = ['>', '>=', '<', '<=']

/**
 * CloudWatch's TreatMissingData, with its meaning (see evaluate.ts for the exact rules):
 * - `missing` (default): evaluate the real datapoints; all missing → INSUFFICIENT_DATA.
 * - `breaching`: a missing datapoint counts as breaching.
 * - `notBreaching`: a missing datapoint counts as within the threshold.
 * - `ignore`: keep the current state when the data is missing.
 */
export type MissingDataPolicy = 'missing' | 'breaching' | 'notBreaching' | 'ignore'
export const MISSING_DATA_POLICIES: readonly MissingDataPolicy[] = ['missing', 'breaching', 'notBreaching', 'ignore']

/** The alarm's state, as in CloudWatch. */
export type AlarmState = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA'

/** A validated threshold alarm on a pushed metric (see normalizeAlarm). */
export interface ThresholdAlarm {
  readonly metric: string
  /** Exact label matches a series must have (extra labels are fine). */
  readonly selector: Readonly<Record<string, string>>
  readonly statistic: Statistic
  readonly periodSeconds: number
  readonly comparison: Comparison
  readonly threshold: number
  /**
   * Datadog's `critical_recovery`: once in ALARM, datapoints are judged against this value
   * instead, so the alarm returns to OK only when the metric has clearly recovered.
   */
  readonly recoveryThreshold: number | null
  /** N: how many recent periods are evaluated. */
  readonly evaluationPeriods: number
  /** M: how many of those N must breach for ALARM (not necessarily consecutive). */
  readonly datapointsToAlarm: number
  readonly treatMissingData: MissingDataPolicy
}

/** One pushed measurement. */
export interface Datapoint {
  readonly value: number
  /** Epoch milliseconds. */
  readonly at: number
}

/** The verdict of evaluateAlarm. */
export interface AlarmEvaluation {
  readonly state: AlarmState
  readonly reason: string
  /** Breaching datapoints among those evaluated (real ones plus any filled in). */
  readonly breaching: number
  /** Datapoints evaluated: N, or 0 when no evaluation happened (all missing, or ignored). */
  readonly evaluated: number
}
