/**
 * An alarm as Tend stores it: a threshold alarm (normalizeAlarm) or an SLO burn-rate alarm
 * (normalizeSlo over good/total counts), plus how it turns into alerts: the severity of its
 * alert, how many OK evaluations in a row resolve that alert, and its flap thresholds.
 *
 * `okPeriodsToResolve` (default 2) is Prometheus's `keep_firing_for` in periods: the alarm's
 * *state* goes OK at once, but its alert stays open until the alarm has been OK that many
 * evaluations in a row, so a metric that dips under the threshold for one period and back over
 * it does not resolve and re-page. Flap detection covers the slower oscillations.
 */
import { AppError, FieldErrors } from '../../lib/errors.js'
import { SEVERITIES, type Severity } from '../services/index.js'
import type { Slo } from './burn-rate.js'
import { normalizeSlo } from './burn-rate.js'
import { normalizeFlapThresholds, type FlapThresholds } from './flapping.js'
import type { ThresholdAlarm } from './model.js'
import { normalizeAlarm, type AlarmInput } from './normalize.js'

export type AlarmKind = 'threshold' | 'slo'
export const ALARM_KINDS: readonly AlarmKind[] = ['threshold', 'slo']

/** A metric and the exact labels its series must have. */
export interface MetricSelector {
  readonly metric: string
  readonly selector: Readonly<Record<string, string>>
}

/**
 * An SLO alarm: `good` and `total` are counters pushed as per-interval counts (each datapoint is
 * the number of events since the sender's previous datapoint, as a StatsD flush or Prometheus
 * `increase()` gives), summed per minute over every matching series.
 */
export interface SloAlarm {
  readonly good: MetricSelector
  readonly total: MetricSelector
  readonly slo: Slo
}

/** A validated alarm definition (stored as spec_json). */
export interface AlarmDefinition {
  readonly kind: AlarmKind
  readonly threshold: ThresholdAlarm | null
  readonly slo: SloAlarm | null
  readonly severity: Severity
  readonly okPeriodsToResolve: number
  readonly flap: FlapThresholds
}

/** An alarm definition as received (threshold fields flat, as in normalizeAlarm). */
export interface AlarmDefinitionInput extends AlarmInput {
  readonly kind?: string | undefined
  readonly good?: { readonly metric?: string; readonly selector?: Readonly<Record<string, unknown>> | null } | null | undefined
  readonly total?: { readonly metric?: string; readonly selector?: Readonly<Record<string, unknown>> | null } | null | undefined
  readonly target?: number | undefined
  readonly periodDays?: number | undefined
  readonly severity?: string | undefined
  readonly okPeriodsToResolve?: number | undefined
  readonly flap?: { readonly low?: number; readonly high?: number } | null | undefined
}

/** SLO alarms are evaluated every minute, over per-minute counts. */
export const SLO_PERIOD_SECONDS = 60
export const OK_PERIODS_TO_RESOLVE = Object.freeze({ min: 1, max: 60, default: 2 })

const THRESHOLD_FIELDS = ['metric', 'selector', 'statistic', 'periodSeconds', 'comparison', 'threshold', 'recoveryThreshold', 'evaluationPeriods', 'datapointsToAlarm', 'treatMissingData'] as const
const SLO_FIELDS = ['good', 'total', 'target', 'periodDays'] as const

/** Runs a normalizer, moving its field errors (prefixed) into `errors`; null when it failed. */
function collect<T>(errors: FieldErrors, prefix: string, fn: () => T): T | null {
  try {
    return fn()
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'E_VALIDATION') throw err
    for (const f of err.fields) errors.add(`${prefix}${f.field}`, f.reason)
    return null
  }
}

function normalizeSelectorOf(errors: FieldErrors, field: 'good' | 'total', input: AlarmDefinitionInput['good']): MetricSelector {
  if (input === undefined || input === null) {
    errors.add(field, `required for an SLO alarm: { metric, selector } of the ${field === 'good' ? 'good' : 'all'} events counter`)
    return { metric: '', selector: {} }
  }
  // normalizeAlarm validates a metric and selector; the other fields are placeholders.
  const checked = collect(errors, `${field}.`, () => {
    const a = normalizeAlarm({ metric: input.metric, selector: input.selector, comparison: '>', threshold: 0 })
    return { metric: a.metric, selector: a.selector }
  })
  return checked ?? { metric: '', selector: {} }
}

function unexpected(errors: FieldErrors, input: AlarmDefinitionInput, kind: AlarmKind): void {
  const foreign = kind === 'slo' ? THRESHOLD_FIELDS : SLO_FIELDS
  for (const f of foreign) if (input[f] !== undefined && input[f] !== null) errors.add(f, `is not a field of a ${kind} alarm`)
}

/**
 * Returns a validated alarm definition, or throws E_VALIDATION naming every bad field.
 * @example normalizeAlarmDefinition({ metric: 'http_p99_ms', comparison: '>', threshold: 800, evaluationPeriods: 5, datapointsToAlarm: 3 })
 * @example normalizeAlarmDefinition({ kind: 'slo', good: { metric: 'http_ok' }, total: { metric: 'http_all' }, target: 0.999 })
 */
export function normalizeAlarmDefinition(input: AlarmDefinitionInput): AlarmDefinition {
  const errors = new FieldErrors()
  const kind = (input.kind ?? 'threshold') as AlarmKind
  if (!ALARM_KINDS.includes(kind)) errors.add('kind', `must be one of ${ALARM_KINDS.join(', ')}`)
  unexpected(errors, input, kind)
  const threshold = kind === 'threshold' ? collect(errors, '', () => normalizeAlarm(input)) : null
  let slo: SloAlarm | null = null
  if (kind === 'slo') {
    const good = normalizeSelectorOf(errors, 'good', input.good)
    const total = normalizeSelectorOf(errors, 'total', input.total)
    const objective = collect(errors, '', () => normalizeSlo({ target: input.target, periodDays: input.periodDays }))
    if (objective !== null) slo = { good, total, slo: objective }
  }
  const severity = (input.severity ?? 'critical') as Severity
  if (!SEVERITIES.includes(severity)) errors.add('severity', `must be one of ${SEVERITIES.join(', ')}`)
  const ok = input.okPeriodsToResolve ?? OK_PERIODS_TO_RESOLVE.default
  if (!Number.isInteger(ok) || ok < OK_PERIODS_TO_RESOLVE.min || ok > OK_PERIODS_TO_RESOLVE.max) {
    errors.add('okPeriodsToResolve', `must be a whole number from ${OK_PERIODS_TO_RESOLVE.min} to ${OK_PERIODS_TO_RESOLVE.max}`)
  }
  const flap = collect(errors, 'flap.', () => normalizeFlapThresholds(input.flap ?? {}))
  errors.throwIfAny()
  return { kind, threshold, slo, severity, okPeriodsToResolve: ok, flap: flap as FlapThresholds }
}

/** The alarm's evaluation period in seconds. */
export const periodSecondsOf = (d: AlarmDefinition): number => d.threshold?.periodSeconds ?? SLO_PERIOD_SECONDS

/** The metric names an alarm reads. */
export const metricsOf = (d: AlarmDefinition): string[] => (d.threshold !== null ? [d.threshold.metric] : d.slo === null ? [] : [d.slo.good.metric, d.slo.total.metric])

