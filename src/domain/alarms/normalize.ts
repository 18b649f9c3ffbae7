/**
 * Validation of threshold alarms: input in, a validated ThresholdAlarm out, or an E_VALIDATION
 * error listing every bad field.
 *
 * Defaults follow CloudWatch: DatapointsToAlarm defaults to EvaluationPeriods (all N must
 * breach), TreatMissingData to `missing`. Bounds: periods are whole minutes up to a day, and
 * N × period may not exceed one day ("The number of evaluation periods for an alarm multiplied
 * by the length of each evaluation period can't exceed one day", CloudWatch User Guide).
 */
import { FieldErrors } from '../../lib/errors.js'
import {
  COMPARISONS,
  MISSING_DATA_POLICIES,
  STATISTICS,
  type Comparison,
  type MissingDataPolicy,
  type Statistic,
  type ThresholdAlarm,
} from './model.js'

/** A threshold alarm as received. */
export interface AlarmInput {
  readonly metric?: string | undefined
  readonly selector?: Readonly<Record<string, unknown>> | null | undefined
  readonly statistic?: string | undefined
  readonly periodSeconds?: number | undefined
  readonly comparison?: string | undefined
  readonly threshold?: number | undefined
  readonly recoveryThreshold?: number | null | undefined
  readonly evaluationPeriods?: number | undefined
  readonly datapointsToAlarm?: number | undefined
  readonly treatMissingData?: string | undefined
}

const DAY_SECONDS = 86_400

/** Bounds and defaults of alarm fields. */
export const ALARM_LIMITS = Object.freeze({
  metricLength: 200,
  selectorLabels: 20,
  labelValueLength: 200,
  periodSeconds: { min: 60, max: DAY_SECONDS, default: 60 },
  evaluationPeriods: { min: 1, max: 100, default: 3 },
  evaluationSpanSeconds: DAY_SECONDS,
  statistic: 'avg' as Statistic,
  treatMissingData: 'missing' as MissingDataPolicy,
})

// Prometheus metric names plus dots (StatsD/OpenTelemetry style); Prometheus label names.
const METRIC_NAME = /^[A-Za-z_:][A-Za-z0-9_:.-]*$/
const LABEL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

function oneOf<T extends string>(errors: FieldErrors, field: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) errors.add(field, `must be one of ${allowed.join(', ')}`)
  return value as T
}

function wholeNumber(errors: FieldErrors, field: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) errors.add(field, `must be a whole number from ${min} to ${max}`)
}

function normalizeMetric(input: AlarmInput, errors: FieldErrors): string {
  const metric = input.metric?.trim() ?? ''
  if (metric === '') errors.add('metric', 'required')
  else if (metric.length > ALARM_LIMITS.metricLength || !METRIC_NAME.test(metric)) {
    errors.add('metric', `must be a metric name of letters, digits, "_", ":", "." or "-", at most ${ALARM_LIMITS.metricLength} characters`)
  }
  return metric
}

function normalizeSelector(input: AlarmInput, errors: FieldErrors): Record<string, string> {
  const entries = Object.entries(input.selector ?? {})
  if (entries.length > ALARM_LIMITS.selectorLabels) errors.add('selector', `at most ${ALARM_LIMITS.selectorLabels} labels`)
  const selector: Record<string, string> = {}
  for (const [name, value] of entries) {
    if (!LABEL_NAME.test(name)) errors.add(`selector.${name}`, 'label names are letters, digits and "_", not starting with a digit')
    else if (typeof value !== 'string' || value.length > ALARM_LIMITS.labelValueLength) {
      errors.add(`selector.${name}`, `must be a string of at most ${ALARM_LIMITS.labelValueLength} characters`)
    } else selector[name] = value
  }
  return selector
}

function normalizePeriods(input: AlarmInput, errors: FieldErrors): { periodSeconds: number; evaluationPeriods: number; datapointsToAlarm: number } {
  const { periodSeconds: p, evaluationPeriods: e } = ALARM_LIMITS
  const periodSeconds = input.periodSeconds ?? p.default
  if (!Number.isInteger(periodSeconds) || periodSeconds % 60 !== 0 || periodSeconds < p.min || periodSeconds > p.max) {
    errors.add('periodSeconds', `must be a whole number of minutes from ${p.min} to ${p.max} seconds`)
  }
  const evaluationPeriods = input.evaluationPeriods ?? e.default
  wholeNumber(errors, 'evaluationPeriods', evaluationPeriods, e.min, e.max)
  if (evaluationPeriods * periodSeconds > ALARM_LIMITS.evaluationSpanSeconds) {
    errors.add('evaluationPeriods', 'evaluationPeriods × periodSeconds may not exceed one day')
  }
  const datapointsToAlarm = input.datapointsToAlarm ?? evaluationPeriods
  wholeNumber(errors, 'datapointsToAlarm', datapointsToAlarm, 1, Math.max(1, evaluationPeriods))
  return { periodSeconds, evaluationPeriods, datapointsToAlarm }
}

function normalizeThresholds(input: AlarmInput, comparison: Comparison, errors: FieldErrors): { threshold: number; recoveryThreshold: number | null } {
  const threshold = input.threshold ?? Number.NaN
  if (!Number.isFinite(threshold)) errors.add('threshold', 'required, a finite number')
  const recoveryThreshold = input.recoveryThreshold ?? null
  if (recoveryThreshold === null) return { threshold, recoveryThreshold }
  const above = comparison === '>' || comparison === '>='
  if (!Number.isFinite(recoveryThreshold)) errors.add('recoveryThreshold', 'must be a finite number')
  else if (above ? recoveryThreshold >= threshold : recoveryThreshold <= threshold) {
    errors.add('recoveryThreshold', `must be ${above ? 'below' : 'above'} the threshold, so recovery needs a clear return`)
  }
  return { threshold, recoveryThreshold }
}

/**
 * Returns a validated copy of a threshold alarm with CloudWatch's defaults filled in, or throws
 * an E_VALIDATION AppError naming every bad field.
 * @example normalizeAlarm({ metric: 'http_p99_ms', comparison: '>', threshold: 800, evaluationPeriods: 5, datapointsToAlarm: 3 })
 */
export function normalizeAlarm(input: AlarmInput): ThresholdAlarm {
  const errors = new FieldErrors()
  const metric = normalizeMetric(input, errors)
  const selector = normalizeSelector(input, errors)
  const statistic = oneOf(errors, 'statistic', input.statistic ?? ALARM_LIMITS.statistic, STATISTICS)
  const comparison = oneOf(errors, 'comparison', input.comparison ?? '', COMPARISONS)
  const periods = normalizePeriods(input, errors)
  const thresholds = normalizeThresholds(input, comparison, errors)
  const treatMissingData = oneOf(errors, 'treatMissingData', input.treatMissingData ?? ALARM_LIMITS.treatMissingData, MISSING_DATA_POLICIES)
  errors.throwIfAny()
  return { metric, selector, statistic, comparison, ...periods, ...thresholds, treatMissingData }
}
