/**
 * Alarms: pure evaluation of threshold alarms on pushed metrics (CloudWatch's M of N datapoints
 * and missing-data treatment, Datadog's recovery threshold), SLO burn-rate alerts (Google SRE
 * Workbook) and flap detection (Nagios). No I/O and no clock: `now` is a parameter.
 *
 * Typical engine use: `evaluateAlarm(alarm, evaluationRange(alarm, points, now), current)`.
 * @module
 */
export type {
  AlarmEvaluation,
  AlarmState,
  Comparison,
  Datapoint,
  MissingDataPolicy,
  Statistic,
  ThresholdAlarm,
} from './model.js'
export { COMPARISONS, MISSING_DATA_POLICIES, STATISTICS } from './model.js'
export { percentile, statistic } from './statistic.js'
export { aggregateBuckets, bucketize, evaluationRange, EXTRA_EVALUATION_PERIODS, lastCompletePeriodEnd } from './periods.js'
export { matchesSelector } from './selector.js'
export { breaches, evaluateAlarm } from './evaluate.js'
export type { AlarmInput } from './normalize.js'
export { ALARM_LIMITS, normalizeAlarm } from './normalize.js'
export type { BurnRateAlert, BurnRateEvaluation, BurnWindow, Slo, SloCount } from './burn-rate.js'
export { BURN_RATE_ALERTS, BURN_WINDOWS, burnRateThreshold, evaluateBurnRate, normalizeSlo } from './burn-rate.js'
export type { FlapThresholds } from './flapping.js'
export { DEFAULT_FLAP_THRESHOLDS, FLAP_HISTORY_LENGTH, flapState, normalizeFlapThresholds, percentStateChange } from './flapping.js'
