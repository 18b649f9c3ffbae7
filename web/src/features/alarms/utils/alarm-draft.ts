import type { Alarm, AlarmComparison, AlarmStatistic, MissingDataPolicy } from '../../../types/api'
import type { AlarmInput } from '../api/create-alarm'

export const STATISTICS: readonly AlarmStatistic[] = ['avg', 'min', 'max', 'sum', 'count', 'p50', 'p90', 'p99']
export const COMPARISONS: readonly AlarmComparison[] = ['>', '>=', '<', '<=']
export const SEVERITIES = ['critical', 'error', 'warning', 'info'] as const

/** An alarm as the form edits it: numbers and selectors stay text until sent. */
export interface AlarmDraft {
  readonly serviceId: string
  readonly name: string
  readonly kind: 'threshold' | 'slo'
  readonly metric: string
  /** `name=value, name=value`. */
  readonly selector: string
  readonly statistic: AlarmStatistic
  readonly periodMinutes: string
  readonly comparison: AlarmComparison
  readonly threshold: string
  /** Empty for none. */
  readonly recoveryThreshold: string
  /** N. */
  readonly evaluationPeriods: string
  /** M. */
  readonly datapointsToAlarm: string
  readonly treatMissingData: MissingDataPolicy
  readonly goodMetric: string
  readonly goodSelector: string
  readonly totalMetric: string
  readonly totalSelector: string
  /** Percent, e.g. 99.9. */
  readonly targetPercent: string
  readonly periodDays: string
  readonly severity: string
  readonly okPeriodsToResolve: string
}

/** A new threshold alarm: average per minute, 3 of 5 must breach, missing data as CloudWatch's default. */
export function emptyAlarmDraft(serviceId: string): AlarmDraft {
  return {
    serviceId, name: '', kind: 'threshold', metric: '', selector: '', statistic: 'avg', periodMinutes: '1', comparison: '>',
    threshold: '', recoveryThreshold: '', evaluationPeriods: '5', datapointsToAlarm: '3', treatMissingData: 'missing',
    goodMetric: '', goodSelector: '', totalMetric: '', totalSelector: '', targetPercent: '99.9', periodDays: '30',
    severity: 'critical', okPeriodsToResolve: '2',
  }
}

/** `route=/pay, region=eu` from a selector. */
export const selectorToText = (selector: Readonly<Record<string, string>>): string => Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(', ')

/** Reads `name=value, name=value`; returns the first bad part on error. */
export function parseSelector(text: string): { readonly selector: Record<string, string> } | { readonly bad: string } {
  const selector: Record<string, string> = {}
  for (const raw of text.split(',')) {
    const part = raw.trim()
    if (part === '') continue
    const eq = part.indexOf('=')
    if (eq <= 0) return { bad: part }
    selector[part.slice(0, eq).trim()] = part.slice(eq + 1).trim()
  }
  return { selector }
}

/** The draft for editing `alarm`. */
export function draftFromAlarm(alarm: Alarm): AlarmDraft {
  const d = alarm.definition
  const base = { ...emptyAlarmDraft(alarm.serviceId), name: alarm.name, kind: alarm.kind, severity: d.severity, okPeriodsToResolve: String(d.okPeriodsToResolve) }
  if (d.threshold !== null) {
    const t = d.threshold
    return {
      ...base, metric: t.metric, selector: selectorToText(t.selector), statistic: t.statistic, periodMinutes: String(t.periodSeconds / 60),
      comparison: t.comparison, threshold: String(t.threshold), recoveryThreshold: t.recoveryThreshold === null ? '' : String(t.recoveryThreshold),
      evaluationPeriods: String(t.evaluationPeriods), datapointsToAlarm: String(t.datapointsToAlarm), treatMissingData: t.treatMissingData,
    }
  }
  if (d.slo !== null) {
    const s = d.slo
    return {
      ...base, goodMetric: s.good.metric, goodSelector: selectorToText(s.good.selector), totalMetric: s.total.metric, totalSelector: selectorToText(s.total.selector),
      targetPercent: String(Math.round(s.slo.target * 100_000) / 1000), periodDays: String(s.slo.periodDays),
    }
  }
  return base
}

const isNumber = (text: string) => text.trim() !== '' && Number.isFinite(Number(text))
const isInt = (text: string) => /^\s*\d+\s*$/.test(text)

function selectorError(errors: Record<string, string>, field: string, text: string): void {
  const parsed = parseSelector(text)
  if ('bad' in parsed) errors[field] = `“${parsed.bad}” is not name=value`
}

/** What cannot be sent, keyed like the API's fields so errors show in the same place. */
export function alarmDraftErrors(d: AlarmDraft): Readonly<Record<string, string>> {
  const errors: Record<string, string> = {}
  if (d.serviceId === '') errors['serviceId'] = 'Choose the service whose alert it opens'
  if (d.name.trim() === '') errors['name'] = 'Enter a name'
  if (!isInt(d.okPeriodsToResolve)) errors['okPeriodsToResolve'] = 'Enter a whole number'
  if (d.kind === 'threshold') {
    if (d.metric.trim() === '') errors['metric'] = 'Enter the metric name'
    selectorError(errors, 'selector', d.selector)
    if (!isInt(d.periodMinutes) || Number(d.periodMinutes) < 1) errors['periodSeconds'] = 'Enter whole minutes (at least 1)'
    if (!isNumber(d.threshold)) errors['threshold'] = 'Enter a number'
    if (d.recoveryThreshold.trim() !== '' && !isNumber(d.recoveryThreshold)) errors['recoveryThreshold'] = 'Enter a number, or leave it empty'
    if (!isInt(d.evaluationPeriods) || Number(d.evaluationPeriods) < 1) errors['evaluationPeriods'] = 'Enter a whole number of periods (N ≥ 1)'
    if (!isInt(d.datapointsToAlarm) || Number(d.datapointsToAlarm) < 1) errors['datapointsToAlarm'] = 'Enter a whole number (M ≥ 1)'
    else if (isInt(d.evaluationPeriods) && Number(d.datapointsToAlarm) > Number(d.evaluationPeriods)) errors['datapointsToAlarm'] = 'M cannot exceed N'
  } else {
    if (d.goodMetric.trim() === '') errors['good.metric'] = 'Enter the counter of good events'
    if (d.totalMetric.trim() === '') errors['total.metric'] = 'Enter the counter of all events'
    selectorError(errors, 'good.selector', d.goodSelector)
    selectorError(errors, 'total.selector', d.totalSelector)
    if (!isNumber(d.targetPercent) || Number(d.targetPercent) <= 0 || Number(d.targetPercent) >= 100) errors['target'] = 'Enter a percentage between 0 and 100, e.g. 99.9'
    if (!isInt(d.periodDays)) errors['periodDays'] = 'Enter whole days'
  }
  return errors
}

const selectorOf = (text: string): Record<string, string> => {
  const parsed = parseSelector(text)
  return 'selector' in parsed ? parsed.selector : {}
}

/** The API body for a draft that has no `alarmDraftErrors`. */
export function alarmDraftToInput(d: AlarmDraft): AlarmInput {
  const common = { name: d.name.trim(), severity: d.severity, okPeriodsToResolve: Number(d.okPeriodsToResolve) }
  if (d.kind === 'slo') {
    return {
      ...common, kind: 'slo',
      good: { metric: d.goodMetric.trim(), selector: selectorOf(d.goodSelector) },
      total: { metric: d.totalMetric.trim(), selector: selectorOf(d.totalSelector) },
      // 99.9 → 0.999 without binary noise (0.9990000000000001).
      target: Number((Number(d.targetPercent) / 100).toPrecision(12)),
      periodDays: Number(d.periodDays),
    }
  }
  return {
    ...common, kind: 'threshold',
    metric: d.metric.trim(), selector: selectorOf(d.selector), statistic: d.statistic, periodSeconds: Number(d.periodMinutes) * 60,
    comparison: d.comparison, threshold: Number(d.threshold), recoveryThreshold: d.recoveryThreshold.trim() === '' ? null : Number(d.recoveryThreshold),
    evaluationPeriods: Number(d.evaluationPeriods), datapointsToAlarm: Number(d.datapointsToAlarm), treatMissingData: d.treatMissingData,
  }
}
