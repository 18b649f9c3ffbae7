/**
 * Evaluating a threshold alarm over its evaluation range, following CloudWatch's documented
 * rules ("How alarm state is evaluated when data is missing", Amazon CloudWatch User Guide,
 * AlarmThatSendsEmail.md in awsdocs/amazon-cloudwatch-user-guide):
 *
 * 1. The range holds more periods than N. If it has at least N real datapoints, the most recent
 *    N real ones are evaluated and the missing-data setting "is not needed and is ignored".
 * 2. With fewer than N real datapoints, the shortfall is filled with the missing-data
 *    treatment, and all real datapoints in the range are included ("CloudWatch uses missing
 *    data points only as few times as possible"): `breaching` fills count as breaching,
 *    `notBreaching` fills as good, `missing` and `ignore` fills count as neither.
 * 3. N datapoints are evaluated: fewer than M breaching → OK, otherwise ALARM.
 * 4. With no real datapoint at all: `missing` → INSUFFICIENT_DATA, `ignore` → keep the current
 *    state, `breaching` → ALARM, `notBreaching` → OK.
 * 5. "Premature alarm state": with `missing`, the alarm goes to ALARM even with fewer than M
 *    breaching datapoints when every real datapoint in the range breaches and the oldest of them
 *    is at least M periods old (more recent periods all missing). With `ignore` the same case
 *    keeps the current state. The documentation's prose states this rule loosely; its example
 *    tables (all ten rows, reproduced in evaluate.test.ts) fix the reading used here.
 *
 * Hysteresis (Datadog `critical_recovery`): while the alarm is in ALARM, datapoints are judged
 * against `recoveryThreshold` instead of `threshold`, so it returns to OK only once fewer than
 * M of the last N have stayed beyond the recovery threshold.
 */
import type { AlarmEvaluation, AlarmState, Comparison, ThresholdAlarm } from './model.js'

type Bucket = number | null

/** Whether `value` breaches `threshold` under `comparison`. */
export function breaches(value: number, comparison: Comparison, threshold: number): boolean {
  switch (comparison) {
    case '>':
      return value > threshold
    case '>=':
      return value >= threshold
    case '<':
      return value < threshold
    case '<=':
      return value <= threshold
  }
}

function effectiveThreshold(alarm: ThresholdAlarm, current: AlarmState): number {
  return current === 'ALARM' && alarm.recoveryThreshold !== null ? alarm.recoveryThreshold : alarm.threshold
}

const verdict = (state: AlarmState, reason: string, breaching: number, evaluated: number): AlarmEvaluation => ({
  state,
  reason,
  breaching,
  evaluated,
})

/** Rule 5: every real datapoint breaches and the oldest is at least M periods old. */
function isPrematureAlarm(judged: readonly (boolean | null)[], m: number): boolean {
  const oldest = judged.findIndex((b) => b !== null)
  if (oldest < 0 || judged.some((b) => b === false)) return false
  return judged.length - oldest >= m
}

function withoutData(alarm: ThresholdAlarm, current: AlarmState, periods: number): AlarmEvaluation {
  const n = alarm.evaluationPeriods
  const none = `no data in the last ${periods} periods`
  switch (alarm.treatMissingData) {
    case 'missing':
      return verdict('INSUFFICIENT_DATA', none, 0, 0)
    case 'ignore':
      return verdict(current, `${none}; keeping ${current} (missing data ignored)`, 0, 0)
    case 'breaching':
      return verdict('ALARM', `${none}; missing data treated as breaching`, n, n)
    case 'notBreaching':
      return verdict('OK', `${none}; missing data treated as not breaching`, 0, n)
  }
}

function countReason(alarm: ThresholdAlarm, current: AlarmState, breaching: number, note: string): string {
  const against = `${alarm.comparison} ${effectiveThreshold(alarm, current)}`
  const recovery = current === 'ALARM' && alarm.recoveryThreshold !== null ? ' (recovery threshold)' : ''
  return `${breaching} of ${alarm.evaluationPeriods} datapoints ${against}${recovery}${note}; alarms at ${alarm.datapointsToAlarm}`
}

function withFilledGaps(alarm: ThresholdAlarm, judged: readonly (boolean | null)[], current: AlarmState): AlarmEvaluation {
  const n = alarm.evaluationPeriods
  const m = alarm.datapointsToAlarm
  const real = judged.filter((b): b is boolean => b !== null)
  const fill = n - real.length
  const realBreaching = real.filter(Boolean).length
  const breaching = alarm.treatMissingData === 'breaching' ? realBreaching + fill : realBreaching
  const note = ` (${real.length} real, ${fill} missing treated as ${alarm.treatMissingData})`
  if (breaching >= m) return verdict('ALARM', countReason(alarm, current, breaching, note), breaching, n)
  const premature = (alarm.treatMissingData === 'missing' || alarm.treatMissingData === 'ignore') && isPrematureAlarm(judged, m)
  if (premature && alarm.treatMissingData === 'ignore') {
    return verdict(current, `${countReason(alarm, current, breaching, note)}; only breaching data is left, keeping ${current}`, breaching, 0)
  }
  if (premature) return verdict('ALARM', `${countReason(alarm, current, breaching, note)}; every recent datapoint breaches`, breaching, n)
  return verdict('OK', countReason(alarm, current, breaching, note), breaching, n)
}

/**
 * Returns the alarm's state after evaluating `buckets`: its evaluation range, one value per
 * period, oldest first, null where the period had no data (see evaluationRange). Give at least
 * N periods; more lets gaps be bridged with older real data, as CloudWatch does.
 * @example evaluateAlarm(alarm, [null, 91, 95, null, 97], 'OK') // 3 of 3 breach > 90 → ALARM
 */
export function evaluateAlarm(alarm: ThresholdAlarm, buckets: readonly Bucket[], current: AlarmState): AlarmEvaluation {
  const threshold = effectiveThreshold(alarm, current)
  const judged = buckets.map((v) => (v === null ? null : breaches(v, alarm.comparison, threshold)))
  const real = judged.filter((b): b is boolean => b !== null)
  const n = alarm.evaluationPeriods
  if (real.length >= n) {
    const breaching = real.slice(-n).filter(Boolean).length
    const state = breaching >= alarm.datapointsToAlarm ? 'ALARM' : 'OK'
    return verdict(state, countReason(alarm, current, breaching, ''), breaching, n)
  }
  if (real.length === 0) return withoutData(alarm, current, buckets.length)
  return withFilledGaps(alarm, judged, current)
}
