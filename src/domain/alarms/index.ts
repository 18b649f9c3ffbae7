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
// Stored alarms and pushed metrics (I/O; the functions above stay pure).
export type { DatapointInput, MetricPoint } from './datapoints.js'
export { canonicalLabels, METRIC_LIMITS, normalizeDatapoints } from './datapoints.js'
export type { SeriesSelector } from './metric-store.js'
export { deleteExpiredDatapoints, listDatapoints, loadDatapoints, storeDatapoints, sumByBucket } from './metric-store.js'
export type { AlarmDefinition, AlarmDefinitionInput, AlarmKind, MetricSelector, SloAlarm } from './definition.js'
export { ALARM_KINDS, metricsOf, normalizeAlarmDefinition, OK_PERIODS_TO_RESOLVE, periodSecondsOf, SLO_PERIOD_SECONDS } from './definition.js'
export type { AlarmEvaluationRecord, SloFigures } from './evaluation-record.js'
export type { Alarm, AlarmHistoryEntry } from './store.js'
export { alarmDedupKey, alarmFromRow, patchedDefinition, alarmIdOfDedupKey, alarmTicketDedupKey, createAlarm, deleteAlarm, findAlarm, getAlarm, listAlarmHistory, listAlarms, updateAlarm } from './store.js'
export { ALARM_ACTOR, checkAlarm } from './check-alarm.js'
export type { ReplayEvaluation, ReplayEvent, ReplayResult } from './replay.js'
export { MAX_REPLAY_EVALUATIONS, replayAlarm } from './replay.js'
export { clearAlertFlapping, markAlertFlapping, quietAlert, releaseAlert } from './quiet-alert.js'
