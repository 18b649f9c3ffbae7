import type { ThresholdAlarmSpec } from '../../../types/api'
import { firesAbove } from './breaches'

/**
 * The PATCH that moves an alarm to a suggested threshold. A recovery threshold that would end
 * up on the wrong side of the new threshold moves with it, keeping the same gap, so the alarm
 * keeps its hysteresis and the API does not refuse the change.
 * @example suggestionPatch({ comparison: '>', threshold: 300, recoveryThreshold: 250 }, 200) // { threshold: 200, recoveryThreshold: 150 }
 */
export function suggestionPatch(spec: Pick<ThresholdAlarmSpec, 'comparison' | 'threshold' | 'recoveryThreshold'>, suggested: number): { threshold: number; recoveryThreshold?: number } {
  const r = spec.recoveryThreshold
  if (r === null) return { threshold: suggested }
  const valid = firesAbove(spec.comparison) ? r < suggested : r > suggested
  return valid ? { threshold: suggested } : { threshold: suggested, recoveryThreshold: suggested - (spec.threshold - r) }
}

/** "3.5 a week", rounded to a tenth. */
export function perWeek(n: number): string {
  const rounded = Math.round(n * 10) / 10
  return `${rounded === 1 ? '1 time' : `${rounded} times`} a week`
}
