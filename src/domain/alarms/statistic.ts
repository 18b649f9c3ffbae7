/**
 * Reducing one period's datapoints to one value.
 *
 * Percentiles use the nearest-rank method: the p-th percentile of n sorted values is the value
 * at rank ⌈p/100 × n⌉ (1-based). It always returns a value that was actually observed, never an
 * interpolation, so "p99 latency was 2.3 s" means some request really took 2.3 s.
 */
import type { Statistic } from './model.js'

/**
 * Returns the nearest-rank percentile (0 < p ≤ 100) of the values, or null if there are none.
 * @example percentile([5, 1, 4, 2, 3], 50) // 3
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[rank - 1] ?? null
}

const sum = (values: readonly number[]): number => values.reduce((total, v) => total + v, 0)

/**
 * Returns the statistic of the values, or null when there are none: an empty period is missing
 * data, not zero (CloudWatch reports no datapoint for it either, even for a count).
 * Non-finite values are ignored.
 */
export function statistic(values: readonly number[], stat: Statistic): number | null {
  const finite = values.filter(Number.isFinite)
  if (finite.length === 0) return null
  switch (stat) {
    case 'avg':
      return sum(finite) / finite.length
    case 'min':
      return Math.min(...finite)
    case 'max':
      return Math.max(...finite)
    case 'sum':
      return sum(finite)
    case 'count':
      return finite.length
    case 'p50':
      return percentile(finite, 50)
    case 'p90':
      return percentile(finite, 90)
    case 'p99':
      return percentile(finite, 99)
  }
}
