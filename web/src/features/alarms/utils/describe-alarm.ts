import { formatDuration } from '../../../lib/time'
import type { AlarmDefinition, MetricSelector, ThresholdAlarmSpec } from '../../../types/api'

const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 })

/** A metric value for people: "1,234.5", at most three decimals. */
export function formatValue(value: number): string {
  return numberFormat.format(value)
}

/** `http_p99_ms{route="/pay"}`, Prometheus style. */
export function selectorText(s: MetricSelector): string {
  const labels = Object.entries(s.selector).map(([k, v]) => `${k}="${v}"`)
  return labels.length === 0 ? s.metric : `${s.metric}{${labels.join(',')}}`
}

/** "p99 of http_p99_ms{route="/pay"} > 800". */
export function describeCondition(spec: ThresholdAlarmSpec): string {
  return `${spec.statistic} of ${selectorText(spec)} ${spec.comparison} ${formatValue(spec.threshold)}`
}

/** "2 of 3 periods of 1 min". */
export function describeWindow(spec: Pick<ThresholdAlarmSpec, 'datapointsToAlarm' | 'evaluationPeriods' | 'periodSeconds'>): string {
  return `${spec.datapointsToAlarm} of ${spec.evaluationPeriods} periods of ${formatDuration(spec.periodSeconds * 1000)}`
}

/**
 * Says what M of N means for this alarm: how many breaching periods page, how soon, and what
 * it ignores. M = N demands a sustained problem; M < N tolerates gaps in a flickering one.
 * @example explainMofN(2, 3, 60) // "ALARM when 2 of the last 3 periods of 1 min breach: …"
 */
export function explainMofN(m: number, n: number, periodSeconds: number): string {
  const period = formatDuration(periodSeconds * 1000)
  if (!(Number.isInteger(m) && Number.isInteger(n) && m >= 1 && n >= 1 && m <= n)) return 'M must be a whole number from 1 to N.'
  const head = `ALARM when ${m} of the last ${n} periods of ${period} breach`
  if (m === 1) return `${head}: any single breaching period pages. Fast, but one spike is enough; consider M of N such as 3 of 5.`
  const soonest = formatDuration(m * periodSeconds * 1000)
  if (m === n) return `${head}: all ${n} must breach, so a problem shorter than ${soonest} never pages; a sustained one pages after ${soonest}.`
  const spikes = m - 1 === 1 ? 'a lone breaching period never pages' : `up to ${m - 1} breaching periods never page`
  return `${head}: ${spikes}, while a problem that flickers (breaching ${m} times in ${formatDuration(n * periodSeconds * 1000)}) still does; the soonest it pages is after ${soonest}.`
}

/** "99.9% good of http_requests_good / http_requests_total over 30 days". */
export function describeSlo(def: AlarmDefinition): string {
  if (def.slo === null) return ''
  const pct = formatValue(def.slo.slo.target * 100)
  return `${pct}% good: ${selectorText(def.slo.good)} ÷ ${selectorText(def.slo.total)} over ${def.slo.slo.periodDays} days`
}

/** One line for the list: the condition and its window, or the SLO. */
export function describeAlarm(def: AlarmDefinition): string {
  if (def.threshold !== null) return `${describeCondition(def.threshold)} in ${describeWindow(def.threshold)}`
  return describeSlo(def)
}
