import type { AlarmComparison } from '../../../types/api'

/** Whether `value` breaches `threshold` under `comparison` (the engine's rule). */
export function breaches(value: number, comparison: AlarmComparison, threshold: number): boolean {
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

/** Whether the alarm fires on high values (`>`, `>=`) rather than low ones. */
export const firesAbove = (comparison: AlarmComparison): boolean => comparison === '>' || comparison === '>='
