import { describe, expect, it } from 'vitest'
import { aggregateBuckets, bucketize, evaluationRange, lastCompletePeriodEnd } from './periods.js'
import { normalizeAlarm } from './normalize.js'
import { matchesSelector } from './selector.js'

const MIN = 60_000
const T = Date.UTC(2024, 0, 1, 12, 0)

describe('bucketize', () => {
  it('cuts [start, end) periods, oldest first, and drops points outside', () => {
    const points = [
      { at: T - 3 * MIN - 1, value: 99 }, // before the range
      { at: T - 3 * MIN, value: 1 },
      { at: T - 2 * MIN + 30_000, value: 2 },
      { at: T - 2 * MIN + 40_000, value: 3 },
      { at: T - 1, value: 4 },
      { at: T, value: 99 }, // end is exclusive
    ]
    expect(bucketize(points, 60, T, 3)).toEqual([[1], [2, 3], [4]])
  })

  it('aggregates each bucket, null for empty ones', () => {
    expect(aggregateBuckets([[1, 3], [], [5]], 'avg')).toEqual([2, null, 5])
    expect(aggregateBuckets([[], [7]], 'count')).toEqual([null, 1])
  })
})

describe('evaluationRange', () => {
  it('returns N + 2 complete periods ending before the current one', () => {
    const alarm = normalizeAlarm({ metric: 'latency', statistic: 'max', comparison: '>', threshold: 1, periodSeconds: 60, evaluationPeriods: 3 })
    const now = T + 25_000 // 25 s into the current minute: not complete, not evaluated
    expect(lastCompletePeriodEnd(now, 60)).toBe(T)
    const points = [
      { at: T - 5 * MIN, value: 1 },
      { at: T - MIN, value: 2 },
      { at: T - MIN + 1, value: 5 },
      { at: T + 1_000, value: 100 },
    ]
    expect(evaluationRange(alarm, points, now)).toEqual([1, null, null, null, 5])
  })
})

describe('matchesSelector', () => {
  it('requires every selector label, exactly, and ignores extra labels', () => {
    const labels = { service: 'api', region: 'eu', pod: 'api-7' }
    expect(matchesSelector(labels, { service: 'api', region: 'eu' })).toBe(true)
    expect(matchesSelector(labels, {})).toBe(true)
    expect(matchesSelector(labels, { service: 'API' })).toBe(false)
    expect(matchesSelector(labels, { zone: 'a' })).toBe(false)
    expect(matchesSelector({ toString: 'x' }, { constructor: 'x' })).toBe(false)
  })
})
